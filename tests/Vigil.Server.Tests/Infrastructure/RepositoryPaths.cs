namespace Vigil.Server.Tests.Infrastructure;

/// <summary>The repository's own files (docs, regimes) and the shared test data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}
