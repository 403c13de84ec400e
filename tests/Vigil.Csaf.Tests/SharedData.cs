namespace Vigil.Csaf.Tests;

/// <summary>The spec fixtures in ../shared/data, found from the test's output folder.</summary>
internal static class SharedData
{
    public static string CsafExamples => Path.Combine(Root, "csaf", "2.0", "examples", "csaf");

    public static IEnumerable<string> OfficialExamples =>
        Directory.EnumerateFiles(CsafExamples, "*.json").Concat(Directory.EnumerateFiles(Path.Combine(CsafExamples, "csaf_vex"), "*.json")).Order(StringComparer.Ordinal);

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) { return candidate; }
            }
            return "/work/shared/data";
        }
    }
}
