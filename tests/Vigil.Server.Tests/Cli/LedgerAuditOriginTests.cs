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

    /// <summary>A log under its own origin with a report in it, the server stopped and its files kept (with its key directory, unless told not to); the log's verifier keys.</summary>
    private async Task<string[]> RecordAsync(bool withKeys = true)
    {
        using var factory = new VigilFactory();
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("Ledger:Origin", Origin));
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        await client.FileAsync(Api.Report("under its own origin"));
        var verifierKeys = (await client.GetStringAsync("/ledger/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        factory.CopyDataTo(_directory, withKeys);
        return verifierKeys;
    }

    // Issue 14 follow-up, first point: a copy of the data without its key directory made the audit generate a new key
    // and report every checkpoint as edited. It refuses, saying what to pass, and makes no key.
    [Fact]
    public async Task A_copy_without_its_keys_is_not_audited_and_no_key_is_made()
    {
        await RecordAsync(withKeys: false);
        var audit = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={_directory}", $"--Ledger:Origin={Origin}");
        Assert.True(audit.ExitCode == ExitCodes.CouldNotAudit, audit.ToString());
        Assert.StartsWith("Could not audit the log: ", audit.Error, StringComparison.Ordinal);
        Assert.Contains("--key", audit.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("edited", audit.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory + "-keys"), "the audit made a key directory");
        Assert.False(File.Exists(Path.Combine(_directory, "ledger-signer.key")), "the audit made a key file");
    }

    // Issue 14 follow-up, first point: the log's public keys are enough; every given key is tried (rotated keys).
    [Fact]
    public async Task A_copy_without_its_keys_is_audited_with_the_published_verifier_keys()
    {
        var verifierKeys = await RecordAsync(withKeys: false);
        using var other = Vigil.Ledger.Notes.Ed25519NoteSigner.Generate(Origin);
        var audit = await CliRun.InProcessAsync(["ledger", "audit", $"--Storage:DataDirectory={_directory}",
            "--key", other.VerifierKey, .. verifierKeys.SelectMany(k => new[] { "--key", k })]);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains("the log is intact.", audit.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory + "-keys"), "the audit made a key directory");

        // Only another log's key: every checkpoint is a finding, and still no key is made.
        var wrong = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={_directory}", "--key", other.VerifierKey);
        Assert.True(wrong.ExitCode == ExitCodes.Rejected, wrong.ToString());
        Assert.Contains("does not verify (edited)", wrong.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory + "-keys"), "the audit made a key directory");
    }

    // Issue 14 follow-up, first point: a directory without a database is refused, and SQLite leaves no empty file in it.
    [Fact]
    public async Task A_directory_without_a_database_is_left_as_it_was()
    {
        var audit = await CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={_directory}");
        Assert.True(audit.ExitCode == ExitCodes.CouldNotAudit, audit.ToString());
        Assert.Contains("There is no database at", audit.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
        Assert.False(Directory.Exists(_directory + "-keys"), "the audit made a key directory");
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
        if (Directory.Exists(_directory + "-keys"))
        {
            Directory.Delete(_directory + "-keys", recursive: true);
        }
    }
}
