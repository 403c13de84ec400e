using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Platform;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// `vigil admin init` then `vigil serve`, each the built `vigil` in its own process, on a fresh SQLite directory: the
/// server the process tests talk to. The bootstrap administrator registers an organisation, an analyst and a reporter
/// with their tokens through the API, so that each test starts with the people it needs.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VigilServeProcess : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _printed = new();
    private Process? _process;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("vigil-cli-process-").FullName;

    public Uri Address { get; } = ServerProcess.NewAddress();

    /// <summary>What the server needs to find its database and regimes, as `vigil` takes them on the command line.</summary>
    public string[] HostArguments =>
        [$"--Storage:DataDirectory={DataDirectory}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}", .. FirstStartTests.RealSettings];

    public string AdminToken { get; private set; } = "";

    public string AnalystToken { get; private set; } = "";

    public string ReporterToken { get; private set; } = "";

    /// <summary>The log's verifier key, as /ledger/key publishes it.</summary>
    public string LedgerKey { get; private set; } = "";

    /// <summary>Where tests write the files they give `vigil`.</summary>
    public string Files { get; } = Directory.CreateTempSubdirectory("vigil-cli-process-files-").FullName;

    /// <summary>A report the reporter filed with `vigil report submit --json`, once for the tests that need one.</summary>
    public Task<FiledReport> FiledReport => _filed.Value;

    private readonly Lazy<Task<FiledReport>> _filed;

    public VigilServeProcess() => _filed = new(FileReportAsync);

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Files, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<FiledReport> FileReportAsync()
    {
        var report = WriteFile("report.json", Api.Report(extra: """
            "regimes": ["eu-nis2-art23"], "affected_users": {"total": 100, "as_of": "2026-11-29T09:00:00+05:30"}
            """));
        var run = await VigilProcess.AgainstAsync(Address, ReporterToken, "report", "submit", report, "--json");
        var answer = VigilProcess.Json(run);
        return new FiledReport(run, answer, answer["incident"]!["id"]!.GetValue<string>(), report, Path.Combine(Files, "report.receipt.json"));
    }

    /// <summary>Every line the server printed so far.</summary>
    public IReadOnlyCollection<string> Printed => _printed;

    public async Task InitializeAsync()
    {
        var init = VigilProcess.Json(await CliRun.ProcessAsync(null, ["admin", "init", "--email", "admin@cert.gov.test", "--json", .. HostArguments]));
        Assert.Equal("admin@cert.gov.test", init["email"]!.GetValue<string>());
        AdminToken = init["token"]!.GetValue<string>();
        Assert.StartsWith(ApiTokens.Marker, AdminToken, StringComparison.Ordinal);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "serve", "--urls", Address.ToString().TrimEnd('/'),
            .. HostArguments, .. VigilFactory.GenerousRateLimitArguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();

        using var admin = Client(AdminToken);
        LedgerKey = (await admin.GetStringAsync("/ledger/key")).Split('\n')[0];
        var organisation = await CreateAsync(admin, "/api/v1/organisations", new JsonObject
        {
            ["name"] = "Process Telecom", ["sector"] = "telecom", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "Desk", ["role"] = "CISO office", ["email"] = "desk@telecom.example", ["phone"] = "+91 11 2345 6789" },
        });
        AnalystToken = await UserTokenAsync(admin, new JsonObject { ["email"] = "analyst@cert.gov.test", ["role"] = Roles.Analyst });
        ReporterToken = await UserTokenAsync(admin, new JsonObject { ["email"] = "reporter@telecom.example", ["role"] = Roles.Reporter, ["organisation_id"] = organisation });
    }

    /// <summary>`vigil` as a process, run by the analyst (VIGIL_URL and VIGIL_TOKEN set).</summary>
    public Task<CliRun> Analyst(params string[] args) => VigilProcess.AgainstAsync(Address, AnalystToken, args);

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private static async Task<string> UserTokenAsync(HttpClient admin, JsonObject user)
    {
        var id = await CreateAsync(admin, "/api/v1/users", user);
        var issued = await admin.PostJsonAsync($"/api/v1/users/{id}/tokens", """{"name": "process tests"}""");
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        return (await issued.JsonAsync())["token"]!.GetValue<string>();
    }

    private static async Task<string> CreateAsync(HttpClient admin, string path, JsonObject body)
    {
        var created = await admin.PostJsonAsync(path, body.ToJsonString());
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync())["id"]!.GetValue<string>();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _printed.Enqueue(line);
            RunLog.Write("vigil serve: " + line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(_process!.HasExited, "vigil serve ended while starting:\n" + string.Join('\n', _printed));
            try
            {
                if ((await client.GetAsync("/healthz", limit.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            // Refused while it starts, or slow on a loaded machine: ask again until the limit.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !limit.IsCancellationRequested)
            {
            }
            await Task.Delay(200, limit.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        foreach (var directory in new[] { DataDirectory, DataDirectory + "-keys", Files }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
