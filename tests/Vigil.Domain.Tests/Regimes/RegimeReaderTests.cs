using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class RegimeReaderTests
{
    private const string Valid = """
        {
          "id": "bad", "name": "A regime", "jurisdiction": "EU", "time_zone": "Europe/Berlin",
          "legal_reference": "https://example.org/law", "sources": ["https://example.org/law"],
          "stages": [
            {"id": "first", "name": "First", "starts": {"event": "noticed"}, "within": {"hours": 24}, "requires": ["title"]},
            {"id": "second", "name": "Second", "starts": {"stage": "first"}, "within": {"days": 3}, "requires": []}
          ]
        }
        """;

    // Each row breaks the valid file in one way; the message must name the file and the member.
    [Theory]
    [InlineData("\"event\": \"noticed\"", "\"event\": \"spotted\"", "/stages/0/starts/event", "'spotted' is not a clock event")]
    [InlineData("\"hours\": 24", "\"hours\": -24", "/stages/0/within/hours", "must not be negative")]
    [InlineData("\"days\": 3", "\"days\": -1", "/stages/1/within/days", "must not be negative")]
    [InlineData("\"time_zone\": \"Europe/Berlin\",", "", "/time_zone", "is required but missing")]
    [InlineData("\"name\": \"First\", ", "", "/stages/0/name", "is required but missing")]
    [InlineData(", \"requires\": [\"title\"]", "", "/stages/0/requires", "is required but missing")]
    [InlineData("\"within\": {\"hours\": 24}, ", "", "/stages/0/within", "is required unless")]
    [InlineData("\"time_zone\": \"Europe/Berlin\"", "\"time_zone\": \"Europe/Atlantis\"", "/time_zone", "not an IANA time zone")]
    [InlineData("\"requires\": [\"title\"]", "\"requires\": [\"colour\"]", "/stages/0/requires/0", "not an incident field")]
    [InlineData("\"starts\": {\"stage\": \"first\"}", "\"starts\": {\"stage\": \"third\"}", "/stages/1/starts/stage", "not an earlier stage")]
    [InlineData("{\"days\": 3}", "{\"business_days\": 3, \"calendar\": \"mars\"}", "/stages/1/within/calendar", "not a calendar")]
    [InlineData("\"within\": {\"hours\": 24}", "\"within\": {\"hours\": 24}, \"deadline\": 1", "/stages/0/deadline", "not a known member")]
    [InlineData("\"id\": \"bad\"", "\"id\": \"other\"", "/id", "does not match the file name")]
    [InlineData("\"within\": {\"hours\": 24}", "\"within\": {\"hours\": 24}, \"backstops\": [{\"event\": \"paid\", \"within\": {\"hours\": 1}}]", "/stages/0/backstops/0/event", "not a clock event")]
    public void A_bad_file_fails_naming_the_file_and_the_field(string valid, string broken, string field, string problem)
    {
        Assert.Contains(valid, Valid, StringComparison.Ordinal);
        var error = Assert.Throws<RegimeFileException>(() => RegimeReader.Read("bad.json", Valid.Replace(valid, broken, StringComparison.Ordinal)));
        Assert.Equal("bad.json", error.FileName);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"bad.json: {field}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_file_reads()
    {
        var regime = RegimeReader.Read("bad.json", Valid);
        Assert.Equal(["first", "second"], regime.Stages.Select(s => s.Id));
        Assert.Equal(ClockStart.AfterStage("first"), regime.Stages[1].Starts);
    }

    [Fact]
    public void Malformed_JSON_names_the_file() =>
        Assert.StartsWith("bad.json: (the document): is not valid JSON", Assert.Throws<RegimeFileException>(() => RegimeReader.Read("bad.json", "{")).Message, StringComparison.Ordinal);

    [Fact]
    public void Two_files_with_one_id_are_refused()
    {
        var error = Assert.Throws<RegimeFileException>(() => RegimeCatalog.Load([("bad.json", Valid), ("bad.json", Valid)]));
        Assert.Equal("/id", error.Field);
    }
}
