using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>
/// Every CSAF document Vigil publishes passes the official validator (schema and every mandatory test): the 2019
/// note, and 60 varied notes with revisions and withdrawals, validated together in one node process.
/// </summary>
public sealed class CsafValidationTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task The_2019_note_and_60_varied_notes_pass_the_official_validator()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var published = await PublishedNoteSet.PublishAsync(analyst.Client, count: 60, seed: 2019);
        var ids = published.Select(p => p.Id).ToList();
        var documents = new List<JsonNode>();
        foreach (var (_, path) in published)
        {
            documents.Add(await analyst.Client.GetNodeAsync(path));
        }
        // A control the validator must refuse, so that this test can fail: a score that does not match its vector.
        var altered = documents[0].DeepClone();
        altered["vulnerabilities"]![0]!["scores"]![0]!["cvss_v3"]!["baseScore"] = 7.5;
        var results = await OfficialCsafValidator.ValidateAsync([.. documents, altered]);
        Assert.False(results[^1].IsValid);
        Assert.Contains(results[^1].Failures, f => f.StartsWith("mandatoryTest_6_1_9", StringComparison.Ordinal));
        results = results.SkipLast(1).ToList();

        var failures = results.Select((r, i) => (r, i)).Where(x => !x.r.IsValid || x.r.Failures.Count > 0)
            .Select(x => $"{ids[x.i]}: {string.Join("; ", x.r.Failures)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.All(results, r => Assert.True(r.TestsRun > 30, "the schema and mandatory tests did not all run"));
        // The validator 2.0.10 accepts a misspelt category (test 6.1.26); Vigil writes the right one.
        Assert.All(documents, d => Assert.Equal("csaf_security_advisory", d["document"]!["category"]!.GetValue<string>()));

        var first = documents[0];
        Assert.Equal(9.8, first["vulnerabilities"]![0]!["scores"]![0]!["cvss_v3"]!["baseScore"]!.GetValue<double>());
        Assert.Equal(6, first["vulnerabilities"]![0]!["product_status"]!["known_affected"]!.AsArray().Count);
        Assert.Equal(6, first["vulnerabilities"]![0]!["product_status"]!["fixed"]!.AsArray().Count);
        Assert.Contains(documents, d => d["document"]!["tracking"]!["revision_history"]!.AsArray().Count == 3);
        Assert.Contains(documents, d => d["document"]!["notes"]![0]!["title"]!.GetValue<string>() == "Withdrawn");
    }
}
