using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Advisories;

/// <summary>The official CSAF 2.0 examples (../shared/data) and Vigil.Csaf.Tests' deliberately broken documents.</summary>
public static class CsafFiles
{
    public static IReadOnlyList<string> OfficialExamples { get; } =
    [
        .. Directory.EnumerateFiles(RepositoryPaths.File("..", "shared", "data", "csaf", "2.0", "examples", "csaf"), "*.json")
            .Concat(Directory.EnumerateFiles(RepositoryPaths.File("..", "shared", "data", "csaf", "2.0", "examples", "csaf", "csaf_vex"), "*.json"))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A CSAF TC test document Vigil.Csaf.Tests holds (see its OasisTestData/SOURCES.md).</summary>
    public static string OasisTestData(string file) => RepositoryPaths.File("tests", "Vigil.Csaf.Tests", "OasisTestData", file);

    public static string Broken(string number) => RepositoryPaths.File("tests", "Vigil.Csaf.Tests", "Broken", $"{number}.json");
}
