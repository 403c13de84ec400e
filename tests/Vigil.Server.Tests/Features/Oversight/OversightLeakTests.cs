using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Oversight;

/// <summary>
/// Issue 13: the oversight pages contain no description, indicator or attachment of an AMBER incident. An AMBER
/// report with words found nowhere else (in its title, description, indicators, and an attachment's name and bytes)
/// is counted on every oversight page, and none of those words is on any of them, nor in any chart's CSV, for
/// oversight (who may not read it) nor for the CERT (who may, but not here).
/// </summary>
public sealed class OversightLeakTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private static readonly string[] Secrets =
        ["quokkatitle", "zanzibardescription", "quokka-indicator.example", "203.0.113.99", "zanzibar-evidence.log", "zanzibarbytes"];

    [Fact]
    public async Task No_oversight_page_or_CSV_carries_content_of_an_AMBER_incident()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var uploaded = await reporter.Client.PostAsync("/api/v1/attachments?name=zanzibar-evidence.log", new StringContent("zanzibarbytes: the call log"));
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var sha256 = (await uploaded.JsonAsync())["sha256"]!.GetValue<string>();
        var incident = await reporter.Client.FileAsync($$"""
            {
              "title": "The quokkatitle incident",
              "category": "malicious-code",
              "description": "Calls carried zanzibardescription payloads.",
              "detected_at": "2026-11-29T09:00:00+05:30",
              "tlp": "AMBER",
              "regimes": ["in-cert-in-2022", "eu-nis2-art23"],
              "indicators": [{"type": "domain", "value": "quokka-indicator.example"}, {"type": "ipv4", "value": "203.0.113.99"}],
              "attachments": [{"sha256": "{{sha256}}"}]
            }
            """);
        await reporter.Client.PostJsonAsync($"/api/v1/incidents/{incident}/updates",
            """{"narrative": "More zanzibardescription found.", "indicators": [{"type": "domain", "value": "quokka-indicator.example"}]}""");

        var paths = new List<string> { "/oversight", "/oversight?regime=in-cert-in-2022", $"/oversight/organisations/{reporter.OrganisationId}", $"/oversight/incidents/{incident}" };
        paths.AddRange(new[] { "on-time", "delays", "completeness", "trend" }.Select(chart => $"/oversight/charts/{chart}.csv"));
        foreach (var role in new[] { Roles.Oversight, Roles.Analyst })
        {
            var reader = await factory.CreateActorAsync(role);
            var pages = await PageReader.SignInAsync(factory, reader.Token);
            foreach (var language in new[] { "en", "hi" })
            {
                foreach (var path in paths)
                {
                    var (response, body) = await pages.GetAsync(path, language);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    foreach (var secret in Secrets.Append(sha256))
                    {
                        Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} ({role}, {language}) carries '{secret}'");
                    }
                }
            }
            // Counted all the same: the organisation's page lists the incident, and its page shows its submissions.
            var (_, organisation) = await pages.GetAsync($"/oversight/organisations/{reporter.OrganisationId}");
            Assert.Contains($"data-incident=\"{incident}\"", organisation, StringComparison.Ordinal);
            var (_, timeline) = await pages.GetAsync($"/oversight/incidents/{incident}");
            Assert.Contains("TLP:AMBER", timeline, StringComparison.Ordinal);
            Assert.Contains("id=\"submission-2\"", timeline, StringComparison.Ordinal);
        }
        // The test would see a leak: the CERT reads these words through the API.
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        Assert.Contains("zanzibardescription", (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{incident}")).ToJsonString(), StringComparison.Ordinal);
    }
}
