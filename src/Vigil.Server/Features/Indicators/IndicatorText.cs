namespace Vigil.Server.Features.Indicators;

/// <summary>The indicator pages' and the check page's strings (IndicatorText.resx, IndicatorText.hi.resx).</summary>
public sealed class IndicatorText;
