using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 14, transparency log, fourth point: `vigil ledger audit` without the log's origin crashed with a stack trace
/// and exit 1, the code of "problems found". It reads the origin from the stored checkpoints, and says "could not
/// audit" with an exit code of its own.
/// </summary>
public sealed class LedgerAuditOriginTests : IDisposable
{
    private const string Origin = "cert.example.test/vigil";
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-audit-origin-").FullName;

    /// <summary>A log under its own origin with a report in it, the server stopped and its files kept.</summary>
    private async Task RecordAsync()
    {
        using var factory = new VigilFactory();
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("Ledger:Origin", Origin));
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        await client.FileAsync(Api.Report("under its own origin"));
        using (var db = factory.OpenDatabase())
        {
            db.Command("PRAGMA wal_checkpoint(TRUNCATE);").ExecuteNonQuery();
        }
        foreach (var file in Directory.GetFiles(factory.DataDirectory))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task Without_the_origin_the_audit_reads_it_from_the_stored_checkpoints()
    {
        await RecordAsync();
        var audit = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={_directory}");
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains($"auditing the log the stored checkpoints name: {Origin}", audit.Out, StringComparison.Ordinal);
        Assert.Contains("the log is intact.", audit.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_that_cannot_run_says_so_with_its_own_exit_code_and_no_stack_trace()
    {
        await RecordAsync();
        // The key file is this log's; an origin given for another log cannot be audited with it.
        var audit = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={_directory}", "--Ledger:Origin=other.example.test/log");
        Assert.True(audit.ExitCode == ExitCodes.CouldNotAudit, audit.ToString());
        Assert.StartsWith("Could not audit the log: ", audit.Error, StringComparison.Ordinal);
        Assert.Contains(Origin, audit.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", audit.Error + audit.Out, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Rejected, ExitCodes.CouldNotAudit);
    }

    [Fact]
    public async Task A_data_directory_without_a_readable_database_cannot_be_audited_and_no_stack_trace_is_printed()
    {
        // In its own process: whatever the server's logging prints to the console is part of what the user sees.
        var audit = await CliRun.ProcessAsync(null, "ledger", "audit", $"--Storage:DataDirectory={Path.Combine(_directory, "absent")}");
        Assert.True(audit.ExitCode == ExitCodes.CouldNotAudit, audit.ToString());
        Assert.StartsWith("Could not audit the log: ", audit.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", audit.Error + audit.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
