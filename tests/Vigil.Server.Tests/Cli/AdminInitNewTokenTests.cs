using System.Text.RegularExpressions;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>Issue 14, first use: a lost bootstrap token could not be recovered with `vigil admin init`.</summary>
public sealed partial class AdminInitNewTokenTests
{
    [Fact]
    public async Task Admin_init_with_new_token_issues_a_new_admin_token_once_stored_hashed_and_on_the_record()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-init-").FullName;
        var storage = $"--Storage:DataDirectory={directory}";
        try
        {
            var first = await CliRun.InProcessAsync("admin", "init", "--email", "root@example.org", storage);
            Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());

            // Users exist: a plain init refuses, and says how to get a new token.
            var again = await CliRun.InProcessAsync("admin", "init", storage);
            Assert.Equal(ExitCodes.Rejected, again.ExitCode);
            Assert.Contains("vigil admin init --new-token", again.Error, StringComparison.Ordinal);

            var renewed = await CliRun.InProcessAsync("admin", "init", "--new-token", "--email", "root@example.org", storage);
            Assert.True(renewed.ExitCode == ExitCodes.Ok, renewed.ToString());
            var token = Assert.Single(Token().Matches(renewed.Out)).Value;
            RunLog.AddSecret(token);
            Assert.DoesNotMatch("vgl_", renewed.Error);

            // A name that is no enabled administrator, while one exists: refused, naming who is.
            var stranger = await CliRun.InProcessAsync("admin", "init", "--new-token", "--email", "nobody@example.org", storage);
            Assert.Equal(ExitCodes.Rejected, stranger.ExitCode);
            Assert.Contains("root@example.org", stranger.Error, StringComparison.Ordinal);

            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False");
            db.Open();
            Assert.Equal(1, db.Count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = @hash AND is_bootstrap = 0 AND expires_at IS NOT NULL",
                ("hash", ApiTokens.Hash(token))));
            Assert.Equal(0, db.Count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = @token OR prefix = @token", ("token", token)));
            var recorded = db.Strings("SELECT content FROM record_events WHERE kind = 'token-issued' AND content LIKE '%vigil admin init --new-token%'");
            var details = Assert.Single(recorded);
            Assert.Contains($"\"operator\":\"{Environment.UserName} on {Environment.MachineName}\"", details, StringComparison.Ordinal);
            Assert.DoesNotContain(token, details, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Admin_init_with_new_token_creates_a_recovery_administrator_when_none_is_enabled()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-init-").FullName;
        var storage = $"--Storage:DataDirectory={directory}";
        try
        {
            Assert.Equal(ExitCodes.Ok, (await CliRun.InProcessAsync("admin", "init", "--email", "root@example.org", storage)).ExitCode);
            using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False"))
            {
                db.Open();
                using var disable = db.Command("UPDATE users SET disabled_at = 1");
                disable.ExecuteNonQuery();
            }
            var recovered = await CliRun.InProcessAsync("admin", "init", "--new-token", "--email", "rescue@example.org", storage);
            Assert.True(recovered.ExitCode == ExitCodes.Ok, recovered.ToString());
            RunLog.AddSecret(Assert.Single(Token().Matches(recovered.Out)).Value);
            Assert.Contains("rescue@example.org", recovered.Out, StringComparison.Ordinal);
            using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False"))
            {
                db.Open();
                Assert.Equal(1, db.Count("SELECT COUNT(*) FROM users WHERE email = 'rescue@example.org' AND role = 'admin' AND disabled_at IS NULL"));
                Assert.Equal(1, db.Count("SELECT COUNT(*) FROM record_events WHERE kind = 'user-created' AND content LIKE '%vigil admin init --new-token%'"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex("vgl_[A-Za-z0-9_-]{43}")]
    private static partial Regex Token();
}
