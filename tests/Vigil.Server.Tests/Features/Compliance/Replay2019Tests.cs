using System.Net;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

/// <summary>
/// The 2019 case filed through the API as it happened, under today's CERT-In Directions: noticed 13 May 2019, reported
/// 20 May, updated 5 September (09:00 IST each; the record gives dates only). The server's clock is set to each day in
/// turn, one host per day on the same database file.
/// </summary>
public sealed class Replay2019Tests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-2019-").FullName;

    private const string Report = """
        {"title": "Exploitation of a buffer overflow in the VoIP stack of a messaging app", "category": "malicious-mobile-app",
         "description": "A crafted call could run code on the target's phone; the attack has been fixed server-side and in the app.",
         "occurred_at": "2019-04-29T00:00:00Z", "detected_at": "2019-05-13T09:00:00+05:30",
         "affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "before 2.19.134"}],
         "indicators": {"unknown": "under investigation"},
         "actions_taken": "Fixed the server-side infrastructure and shipped app updates (CVE-2019-3568).",
         "regimes": ["in-cert-in-2022"]}
        """;

    private const string Update = """
        {"narrative": "What the vendor said in September.",
         "description": "A crafted call could run code on the target's phone; the full extent of the attack may never be known.",
         "symptoms": "Missed calls from unknown numbers; call logs altered.",
         "affected_users": {"unknown": "the full extent may never be known"},
         "point_of_contact": {"name": "Security team", "email": "security@example.com"}}
        """;

    private SharedDataVigilFactory HostOn(string day) =>
        new(_data, new FakeTimeProvider(DateTimeOffset.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task The_report_is_late_by_6_days_18_hours_and_the_missing_details_are_named_at_each_submission()
    {
        string id, token;
        using (var may = HostOn("2019-05-20T09:00:00+05:30"))
        {
            var reporter = await may.CreateActorAsync(Roles.Reporter);
            token = reporter.Token;
            id = await reporter.Client.FileAsync(Report);
        }
        using var september = HostOn("2019-09-05T09:00:00+05:30");
        var client = september.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/incidents/{id}/updates", Update)).StatusCode);

        var compliance = await client.GetNodeAsync($"/api/v1/incidents/{id}/compliance");
        var stage = compliance["regimes"]![0]!["stages"]![0]!;
        Assert.Equal("incident_report", stage["stage"]!.GetValue<string>());
        Assert.Equal("2019-05-13T15:00:00+05:30", stage["due_local"]!.GetValue<string>());
        Assert.Equal("met_late", stage["state"]!.GetValue<string>());
        Assert.Equal("P6DT18H", stage["late_by"]!.GetValue<string>());
        Assert.Equal(1, stage["met_by"]!.GetValue<int>());
        Assert.Equal(["symptoms", "security_systems", "agencies_notified", "point_of_contact", "affected_users.by_country"], Strings(stage["at_filing"]!["missing"]));
        Assert.Equal(["indicators"], Strings(stage["at_filing"]!["declared_unknown"]));
        Assert.Equal(["security_systems", "agencies_notified"], Strings(stage["now"]!["missing"]));
        Assert.Equal(["indicators", "affected_users.by_country"], Strings(stage["now"]!["declared_unknown"]));
        Assert.Equal("not_started", compliance["regimes"]![0]!["stages"]![1]!["state"]!.GetValue<string>());
    }

    private static string[] Strings(System.Text.Json.Nodes.JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
