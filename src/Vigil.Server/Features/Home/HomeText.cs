namespace Vigil.Server.Features.Home;

/// <summary>The home page's strings (HomeText.resx, HomeText.hi.resx).</summary>
public sealed class HomeText;
