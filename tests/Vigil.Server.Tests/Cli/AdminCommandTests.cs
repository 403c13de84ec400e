using Vigil.Cli;
using Vigil.Server.Tests.Infrastructure;

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
            Assert.Contains("stops as soon as another enabled", first.Out, StringComparison.Ordinal);
            // The token is marked as the bootstrap token and expires: it does not stay a master key.
            using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False"))
            {
                db.Open();
                Assert.Equal(1, db.Count("SELECT COUNT(*) FROM api_tokens WHERE is_bootstrap = 1 AND expires_at IS NOT NULL"));
                Assert.Equal(2, db.Count("SELECT COUNT(*) FROM record_events WHERE kind IN ('user-created', 'token-issued') AND actor_id IS NULL"));
            }

            var second = await CliRun.InProcessAsync("admin", "init", $"--Storage:DataDirectory={directory}");
            Assert.Equal(ExitCodes.Rejected, second.ExitCode);
            Assert.DoesNotMatch("vgl_", second.Out);

            // When no administrator can sign in any more (the bootstrap token expired), the operator recovers one, on the record.
            var recovered = await CliRun.InProcessAsync("admin", "recover", "--email", "ROOT@example.org", $"--Storage:DataDirectory={directory}");
            Assert.True(recovered.ExitCode == ExitCodes.Ok, recovered.ToString());
            Assert.Matches("vgl_[A-Za-z0-9_-]{43}", recovered.Out);
            var asJson = await CliRun.InProcessAsync("admin", "recover", "--email", "root@example.org", "--json", $"--Storage:DataDirectory={directory}");
            var issued = System.Text.Json.Nodes.JsonNode.Parse(asJson.Out)!;
            Assert.Matches("^vgl_[A-Za-z0-9_-]{43}$", issued["token"]!.GetValue<string>());
            Assert.True(DateTimeOffset.Parse(issued["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
            var unknown = await CliRun.InProcessAsync("admin", "recover", "--email", "nobody@example.org", $"--Storage:DataDirectory={directory}");
            Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
            using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False"))
            {
                db.Open();
                Assert.Equal(2, db.Count("SELECT COUNT(*) FROM api_tokens WHERE is_bootstrap = 0 AND name = 'recovery' AND expires_at IS NOT NULL"));
                Assert.Equal(2, db.Count("SELECT COUNT(*) FROM record_events WHERE kind = 'token-issued' AND content LIKE '%vigil admin recover%'"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            // The log's key directory, made beside the data directory.
            if (Directory.Exists(directory + "-keys"))
            {
                Directory.Delete(directory + "-keys", recursive: true);
            }
        }
    }
}
