using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Features.Incidents.Pages;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, "Disk full": the server as its own process with what it stores on a real small tmpfs, filled to the last
/// byte and freed again (PostgreSQL's case: <see cref="DiskFullOnPostgresTests"/>). A full disk answered a generic 500 with two error lines and a stack trace per request, and
/// /healthz kept saying Healthy.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskFullTests
{
    private const string RetriedKey = "key-on-a-full-disk";

    private static readonly (string, string)[] PageReport =
    [
        ("title", "Filed from the page while the disk is full"), ("category", "malicious-code"),
        ("description", "Crafted RTCP packets in calls led to remote code execution."), ("zone", "Asia/Kolkata"),
        ("detected_at", "2026-11-30T09:00"), ("regimes", "in-cert-in-2022"), ("tlp", "AMBER"),
    ];

    // The data directory (SQLite's database and the attachments) on a 24 MiB tmpfs in a namespace of its own.
    [Fact]
    public async Task A_full_disk_refuses_writes_with_503_logs_once_and_stores_again_when_space_returns()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("vigil-diskfull-").FullName;
        using var disk = await SmallFilesystem.MountAsync(dataDirectory, "24m");
        await using var server = await ServerProcess.StartAsync(dataDirectory, disk.Enter, FirstStartTests.RealSettings);
        await RefusedWhileFullThenStoredAsync(server, disk, attachmentsOnTheDisk: true);
        var audit = await CliRun.ProcessAsync(null, disk.Enter, "ledger", "audit", $"--Storage:DataDirectory={dataDirectory}");
        Assert.True(audit.ExitCode == 0, audit.ToString());
    }

    /// <summary>
    /// Reports filed, the disk filled: writes are refused with 503 problem+json and Retry-After (a page with a page),
    /// logged once, /healthz Degraded. The disk freed: writes are stored again without a restart, the report refused
    /// with its Idempotency-Key is stored once, /healthz is Healthy, and every acknowledged report is there, nothing else.
    /// </summary>
    internal static async Task RefusedWhileFullThenStoredAsync(ServerProcess server, SmallFilesystem disk, bool attachmentsOnTheDisk)
    {
        var token = await ReporterTokenAsync(server);
        using var reporter = server.Client(token);
        using var pages = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        var session = await ReportPages.SignInAsync(pages, token);
        var acknowledged = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            acknowledged.Add(await reporter.FileAsync(Api.Report($"Filed before the disk filled {i}")));
        }

        disk.Fill();
        var printedBefore = server.Output.Count;
        // Until the first refusal a write may still fit in room the database already holds; what is acknowledged counts.
        HttpResponseMessage refused;
        for (var tries = 0; ; tries++)
        {
            refused = await reporter.PostJsonAsync("/api/v1/incidents", Api.Report($"Filed on a full disk {tries}"));
            if (refused.StatusCode != HttpStatusCode.Created || tries == 100)
            {
                break;
            }
            acknowledged.Add((await refused.JsonAsync())["incident"]!["id"]!.GetValue<string>());
        }
        await AssertStorageFullAsync(refused);
        await AssertStorageFullAsync(await reporter.PostJsonAsync("/api/v1/incidents", Api.Report("Sent again with its key"), RetriedKey));
        for (var i = 0; i < 5; i++)
        {
            await AssertStorageFullAsync(await reporter.PostJsonAsync("/api/v1/incidents", Api.Report($"One more on a full disk {i}")));
        }
        var refusals = 7;
        if (attachmentsOnTheDisk)
        {
            await AssertStorageFullAsync(await reporter.PostAsync("/api/v1/attachments?name=evidence.bin", new ByteArrayContent(new byte[256 * 1024])));
            refusals++;
        }
        // The page that files a report answers with a page that says what happened and what to do.
        var page = await ReportPages.PostAsync(pages, session, "file", PageReport);
        refusals++;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not stored: try again later", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Asked as a monitor does, without a credential (checking one needs the database).
        using var monitor = server.Client();
        var health = await monitor.GetAsync("/healthz");
        var said = await health.Content.ReadAsStringAsync();
        Assert.True(health.StatusCode == HttpStatusCode.OK && said.StartsWith("Degraded\n", StringComparison.Ordinal)
            && said.Contains("\nstorage: the storage is full", StringComparison.Ordinal), said);

        Assert.True(await server.PrintedAsync(line => line.Contains("StorageFullEpisode[1010]", StringComparison.Ordinal)), Printed(server, printedBefore));
        var whileFull = server.Output.Skip(printedBefore).ToList();
        Assert.True(whileFull.Count(line => line.StartsWith("warn:", StringComparison.Ordinal)) == 1, Printed(server, printedBefore));
        Assert.False(whileFull.Any(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.TrimStart().StartsWith("at ", StringComparison.Ordinal)), Printed(server, printedBefore));

        disk.Free();
        // The report refused with its key is stored once when sent again: nothing of the refused attempt was kept.
        var stored = await reporter.PostJsonAsync("/api/v1/incidents", Api.Report("Sent again with its key"), RetriedKey);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        acknowledged.Add((await stored.JsonAsync())["incident"]!["id"]!.GetValue<string>());
        // The episode ends at the first write once none has been refused for a few seconds; no restart.
        for (var tries = 0; (said = await monitor.GetStringAsync("/healthz")) != "Healthy" && tries < 30; tries++)
        {
            await Task.Delay(500);
            acknowledged.Add(await reporter.FileAsync(Api.Report($"Filed once space returned {tries}")));
        }
        Assert.Equal("Healthy", said);
        Assert.True(await server.PrintedAsync(line => line.Contains("Writes are stored again", StringComparison.Ordinal)
            && line.Contains($"{refusals} requests were refused", StringComparison.Ordinal)), Printed(server, printedBefore));
        var replayed = await reporter.PostJsonAsync("/api/v1/incidents", Api.Report("Sent again with its key"), RetriedKey);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(stored.Headers.Location, replayed.Headers.Location);

        var listed = (await reporter.GetNodeAsync("/api/v1/incidents?limit=200"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static async Task AssertStorageFullAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("urn:vigil:problem:storage-full", problem["type"]?.GetValue<string>());
        Assert.Contains("Nothing was stored", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var internals in (string[])["SQLite", "Postgres", "53100", "/tmp", "Exception"])
        {
            Assert.DoesNotContain(internals, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A reporter of a new organisation, set up through the API as an operator would after the first start.</summary>
    private static async Task<string> ReporterTokenAsync(ServerProcess server)
    {
        using var bootstrap = server.Client(await server.BootstrapTokenAsync());
        var admin = await WalkFixture.CreatedAsync(bootstrap, "/api/v1/users", new JsonObject { ["email"] = "operator@cert.example", ["role"] = "admin" });
        var adminToken = await WalkFixture.CreatedAsync(bootstrap, $"/api/v1/users/{admin["id"]}/tokens", new JsonObject { ["name"] = "disk" });
        using var operatorClient = server.Client(adminToken["token"]!.GetValue<string>());
        var organisation = await WalkFixture.CreatedAsync(operatorClient, "/api/v1/organisations", new JsonObject
        {
            ["name"] = "Example Messaging Ltd", ["sector"] = "telecommunications", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "A. Sharma", ["role"] = "Grievance Officer", ["email"] = "security@messaging.example" },
        });
        var reporter = await WalkFixture.CreatedAsync(operatorClient, "/api/v1/users", new JsonObject
        {
            ["email"] = "desk@messaging.example", ["role"] = "reporter", ["organisation_id"] = organisation["id"]!.GetValue<string>(),
        });
        var token = await WalkFixture.CreatedAsync(operatorClient, $"/api/v1/users/{reporter["id"]}/tokens", new JsonObject { ["name"] = "disk" });
        return token["token"]!.GetValue<string>();
    }

    private static string Printed(ServerProcess server, int from) => "The server printed:\n" + string.Join('\n', server.Output.Skip(from));
}
