namespace Vigil.Server.Features.Oversight;

/// <summary>The oversight pages' strings (OversightText.resx, OversightText.hi.resx).</summary>
public sealed class OversightText;
