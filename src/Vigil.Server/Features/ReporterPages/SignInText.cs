namespace Vigil.Server.Features.ReporterPages;

/// <summary>The sign-in page's strings (SignInText.resx, SignInText.hi.resx).</summary>
public sealed class SignInText;
