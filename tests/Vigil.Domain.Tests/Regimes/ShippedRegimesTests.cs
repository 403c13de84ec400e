using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>The files under regimes/ at the repository root, read in place as the server reads them at start.</summary>
public class ShippedRegimesTests
{
    [Fact]
    public void Every_shipped_regime_loads_and_the_issues_eight_are_there() =>
        Assert.Superset(new HashSet<string>
        {
            "in-cert-in-2022", "in-dpdp-2025-rule7", "eu-nis2-art23", "eu-dora-art19", "eu-gdpr-art33",
            "us-sec-8k-item-1.05", "us-circia-nprm-2024", "eu-cra-art14",
        }, Catalog.All.Select(r => r.Id).ToHashSet());

    public static TheoryData<string> Ids => [.. Catalog.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_regime_cites_sources_and_its_stages_require_incident_fields(string id)
    {
        var regime = Get(id);
        Assert.NotEmpty(regime.Sources);
        Assert.All(regime.Stages.SelectMany(s => s.Requires), path => Assert.True(IncidentFields.ByName.ContainsKey(path.Split('.')[0]), path));
        Assert.All(regime.Stages, s => Assert.False(string.IsNullOrWhiteSpace(s.Note), $"{id}/{s.Id} explains itself"));
    }

    [Fact]
    public void The_proposed_rule_says_so() =>
        Assert.Contains("PROPOSED", Get("us-circia-nprm-2024").Status, StringComparison.Ordinal);

    [Fact]
    public void The_regime_id_pattern_matches_the_incident_fields_pattern() =>
        Assert.Empty(SubmissionReader.ReadUpdate(System.Text.Json.JsonDocument.Parse(
            $$"""{"narrative": "n", "regimes": [{{string.Join(", ", Catalog.All.Select(r => $"\"{r.Id}\""))}}]}""").RootElement,
            At("2025-01-01T00:00:00Z")).Errors);
}
