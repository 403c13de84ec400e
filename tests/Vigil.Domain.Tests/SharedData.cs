namespace Vigil.Domain.Tests;

/// <summary>
/// The specification fixtures shared by every Vigil checkout, read where they live: <c>../shared/data</c> beside
/// the repository root, the first folder above the test binaries that holds <c>Vigil.slnx</c>.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The full path of a folder under <c>shared/data</c>, such as <c>cvss</c>.</summary>
    public static string Folder(string name) => Path.Combine(Root.Value, name);

    /// <summary>The full path of a file under <c>shared/data</c>.</summary>
    public static string File(string folder, string name) => Path.Combine(Root.Value, folder, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data)
                    ? data
                    : throw new DirectoryNotFoundException($"The shared fixtures are missing: expected {data} beside the repository.");
            }
        }

        throw new InvalidOperationException("No Vigil.slnx above the test binaries.");
    }
}
