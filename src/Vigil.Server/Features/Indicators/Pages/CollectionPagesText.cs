namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>The analysts' collection pages' strings (CollectionPagesText.resx, CollectionPagesText.hi.resx).</summary>
public sealed class CollectionPagesText;
