namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>The strings of the incident list, the new report form and the receipt page (IncidentPagesText.resx, .hi.resx).</summary>
public sealed class IncidentPagesText;
