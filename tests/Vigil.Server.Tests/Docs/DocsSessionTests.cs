using System.Diagnostics;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Docs;

/// <summary>The curl session in docs/api.md runs, as written, against a real server.</summary>
public sealed partial class DocsSessionTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task The_curl_session_in_the_api_guide_works_as_written()
    {
        var markdown = await File.ReadAllTextAsync(RepositoryPaths.File("docs", "api.md"));
        var script = BashBlock().Match(markdown).Groups["script"].Value;
        Assert.Contains("/api/v1/incidents/$INCIDENT/history", script, StringComparison.Ordinal);
        var admin = await Seed.UserAsync(server.Services, Roles.Admin);

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        start.Environment["V"] = server.Address.ToString().TrimEnd('/');
        start.Environment["ADMIN"] = admin.Token;
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var printed = await output;
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\n{printed}\n{await error}");
        Assert.Matches("filed incident [0-9a-f-]{36}", printed);
        Assert.Contains("\"sequence\": 2", printed, StringComparison.Ordinal);
        Assert.Contains("\"changed\": [", printed, StringComparison.Ordinal);
        Assert.Contains("\"field\": \"affected_users\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"country\": \"MX\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"stage\": \"incident_report\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"due_local\": \"2026-11-29T15:00:00+05:30\"", printed, StringComparison.Ordinal);
    }

    [GeneratedRegex("```bash\\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
