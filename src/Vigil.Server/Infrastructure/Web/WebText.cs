namespace Vigil.Server.Infrastructure.Web;

/// <summary>The layout's and the shared components' strings (WebText.resx, WebText.hi.resx).</summary>
public sealed class WebText;
