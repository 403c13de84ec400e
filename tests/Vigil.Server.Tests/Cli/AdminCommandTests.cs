using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

public sealed class AdminCommandTests
{
    [Fact]
    public async Task Admin_init_creates_the_database_and_prints_a_token_once()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-init-").FullName;
        try
        {
            var first = await CliRun.InProcessAsync("admin", "init", "--email", "root@example.org", $"--Storage:DataDirectory={directory}");
            Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
            Assert.Contains("root@example.org", first.Out, StringComparison.Ordinal);
            Assert.Matches("vgl_[A-Za-z0-9_-]{43}", first.Out);
            Assert.True(File.Exists(Path.Combine(directory, "vigil.db")));

            var second = await CliRun.InProcessAsync("admin", "init", $"--Storage:DataDirectory={directory}");
            Assert.Equal(ExitCodes.Rejected, second.ExitCode);
            Assert.DoesNotMatch("vgl_", second.Out);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
