namespace Vigil.Server.Features.Aggregation.Pages;

/// <summary>The followed providers' pages' strings (ProviderPagesText.resx, ProviderPagesText.hi.resx).</summary>
public sealed class ProviderPagesText;
