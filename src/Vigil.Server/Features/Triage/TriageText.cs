namespace Vigil.Server.Features.Triage;

/// <summary>The triage inbox's and the incident page's staff sections' strings (TriageText.resx, TriageText.hi.resx).</summary>
public sealed class TriageText;
