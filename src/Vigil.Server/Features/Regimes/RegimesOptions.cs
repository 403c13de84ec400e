namespace Vigil.Server.Features.Regimes;

/// <summary>Section "Regimes": where the reporting regimes are read from at start.</summary>
public sealed class RegimesOptions
{
    public const string Section = "Regimes";

    /// <summary>
    /// A directory of regime files (<c>*.json</c>). A relative path is taken from the content root (the directory the
    /// server is started in). Unset: <c>regimes/</c> in the content root if there is one, else the copy of the
    /// repository's <c>regimes/</c> that the build places beside the binaries.
    /// </summary>
    public string? Directory { get; set; }
}
