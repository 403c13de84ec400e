using System.Text.Json;

namespace Vigil.Ledger.Tests;

/// <summary>
/// The shared tlog test vectors, read from where they live: <c>&lt;repo&gt;/../shared/data/tlog</c>. The repository
/// root is the first folder above the test assembly holding <c>.git</c> or <c>Vigil.slnx</c>.
/// </summary>
internal static class TlogVectors
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static string Directory => Folder.Value;

    public static JsonElement Load(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, fileName)));
        return document.RootElement.Clone();
    }

    public static byte[] Hex(this JsonElement element) => Convert.FromHexString(element.GetString()!);

    public static byte[] Base64(this JsonElement element) => Convert.FromBase64String(element.GetString()!);

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var isRepoRoot = System.IO.Directory.Exists(Path.Combine(dir.FullName, ".git")) ||
                File.Exists(Path.Combine(dir.FullName, ".git")) ||
                File.Exists(Path.Combine(dir.FullName, "Vigil.slnx"));
            if (!isRepoRoot)
            {
                continue;
            }

            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "tlog"));
            return System.IO.Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException($"The shared tlog vectors are missing: expected {folder} beside the repository.");
        }

        throw new DirectoryNotFoundException($"No repository root (.git or Vigil.slnx) above {AppContext.BaseDirectory}.");
    }
}
