using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Vigil started as a new operator starts it (its own process, a fresh data directory): issue 14, "First use".
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FirstStartTests
{
    /// <summary>Every setting that ships with a placeholder, set to what a real installation would say.</summary>
    public static readonly string[] RealSettings =
    [
        "--Csaf:BaseUrl=https://cert.gov.test", "--Csaf:ContactEmail=incident@cert.gov.test", "--Csaf:PublisherName=Test CERT",
        "--Ledger:Origin=cert.gov.test/vigil", "--IndicatorSharing:IdentityName=Test CERT",
        "--IndicatorSharing:IdentityId=identity--0b6f5e0e-7a51-4f0c-9d1c-2f8e3c7a9b10",
    ];

    // Issue 14, first use: a fresh start printed two EF Core warnings (migrations that "cannot be executed in a
    // transaction") and three warnings that the database files Vigil had just created could be read by others.
    [Fact]
    public async Task A_fresh_start_with_real_settings_prints_no_warning()
    {
        await using var server = await ServerProcess.StartAsync(RealSettings);
        Assert.True(await server.PrintedAsync(line => line.Contains("Application started", StringComparison.Ordinal)));
        var warnings = server.Output.Where(IsWarningOrWorse).ToList();
        Assert.True(warnings.Count == 0, "A fresh start warned:\n" + string.Join('\n', server.Output));
        foreach (var file in new[] { "vigil.db", "vigil.db-wal", "vigil.db-shm" })
        {
            var path = Path.Combine(server.DataDirectory, file);
            Assert.True(File.Exists(path), $"{file} is missing");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    // Issue 14, first use: the start says where the pages, the API reference and the OpenAPI document are, at the
    // addresses the server actually listens on.
    [Fact]
    public async Task The_start_prints_where_the_pages_and_the_api_reference_are()
    {
        await using var server = await ServerProcess.StartAsync(RealSettings);
        var root = server.Address.ToString().TrimEnd('/');
        foreach (var url in new[] { root + "/", root + "/sign-in", root + "/docs", root + "/openapi/v1.json" })
        {
            Assert.True(await server.PrintedAsync(line => line.TrimEnd().EndsWith(" " + url, StringComparison.Ordinal)),
                $"{url} was not printed:\n" + string.Join('\n', server.Output));
        }
    }

    // Issue 14, first use: placeholder settings left as shipped are named at start, one line each saying what to set;
    // a database file that was world-readable before Vigil started still warns (only Vigil's own new files are quiet).
    [Fact]
    public async Task Placeholders_left_unchanged_and_a_loose_database_file_are_warned_about()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-loose-").FullName;
        try
        {
            var database = Path.Combine(directory, "vigil.db");
            File.WriteAllBytes(database, []);
            File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using var server = await ServerProcess.StartAsync($"--Storage:DataDirectory={directory}");
            Assert.True(await server.PrintedAsync(line => line.Contains("Application started", StringComparison.Ordinal)));
            var output = string.Join('\n', server.Output);
            foreach (var setting in new[] { "Csaf:BaseUrl", "Csaf:ContactEmail", "Csaf:PublisherName", "Ledger:Origin", "IndicatorSharing:IdentityName", "IndicatorSharing:IdentityId" })
            {
                Assert.True(server.Output.Count(line => line.Contains($"{setting} is still", StringComparison.Ordinal)) == 1, $"{setting}:\n{output}");
            }
            Assert.Contains("https://cert.example.org", output, StringComparison.Ordinal);
            Assert.Contains($"{database} could be read by others (mode 644)", output, StringComparison.Ordinal);
            Assert.DoesNotContain("vigil.db-wal could be read", output, StringComparison.Ordinal);
            Assert.DoesNotContain("20410", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
}
