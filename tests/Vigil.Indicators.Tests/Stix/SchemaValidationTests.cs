using System.Text.Json;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Stix;

public class SchemaValidationTests
{
    private static readonly Lazy<StixSchemaValidator> Validator = new(() => StixSchemaValidator.Load(SharedData.Path("stix", "schemas")));
    private static readonly DateTimeOffset Created = new(2019, 5, 13, 9, 30, 0, 123, TimeSpan.Zero);

    public static StixBundle EveryKindOfObject()
    {
        var cert = new StixIdentity { Id = StixBundle.NewId("identity"), Created = Created, Modified = Created, Name = "National CERT", IdentityClass = "organization" };
        var amber = StixMarkingDefinition.ForTlp(TlpLevel.Amber);
        var marked = new[] { amber.Id };
        var malware = new StixMalware { Id = StixBundle.NewId("malware"), Created = Created, Modified = Created, Name = "Pegasus", IsFamily = true, MalwareTypes = ["spyware"], CreatedByRef = cert.Id, ObjectMarkingRefs = marked };
        var indicator = new StixIndicator
        {
            Id = StixBundle.NewId("indicator"), Created = Created, Modified = Created, ValidFrom = Created, Name = "Predator domain",
            Pattern = "[domain-name:value = 'wha.tsapp.me']", PatternVersion = "2.1", IndicatorTypes = ["malicious-activity"],
            CreatedByRef = cert.Id, ObjectMarkingRefs = marked,
        };
        var indicates = new StixRelationship { Id = StixBundle.NewId("relationship"), Created = Created, Modified = Created, RelationshipType = StixRelationship.Indicates, SourceRef = indicator.Id, TargetRef = malware.Id, CreatedByRef = cert.Id };
        var report = new StixReport { Id = StixBundle.NewId("report"), Created = Created, Modified = Created, Published = Created, Name = "Spyware indicators", ReportTypes = ["indicator"], ObjectRefs = [indicator.Id, malware.Id], CreatedByRef = cert.Id, ObjectMarkingRefs = marked };
        var sighting = new StixSighting { Id = StixBundle.NewId("sighting"), Created = Created, Modified = Created, SightingOfRef = indicator.Id, Count = 3, FirstSeen = Created, LastSeen = Created.AddDays(1), WhereSightedRefs = [cert.Id], Description = "Seen at a bank", GranularMarkings = [new(amber.Id, null, ["description"])] };
        var statement = new StixMarkingDefinition
        {
            Id = StixBundle.NewId("marking-definition"), Created = Created, DefinitionType = "statement",
            Definition = JsonDocument.Parse("""{"statement":"Copyright the CERT"}""").RootElement.Clone(),
        };
        return new StixBundle(StixBundle.NewId("bundle"), [cert, amber, StixMarkingDefinition.ForTlp(TlpLevel.Clear), statement, malware, indicator, indicates, report, sighting]);
    }

    [Fact]
    public void Every_kind_of_object_Vigil_writes_validates_against_the_OASIS_schemas() =>
        Assert.Empty(Validator.Value.Validate(EveryKindOfObject()));

    [Fact]
    public void Every_TLP_2_marking_validates() =>
        Assert.Empty(Validator.Value.Validate(new StixBundle(StixBundle.NewId("bundle"), Enum.GetValues<TlpLevel>().Select(StixMarkingDefinition.ForTlp).ToList())));

    [Fact]
    public void The_Pegasus_set_rewritten_validates()
    {
        // A sample of each object type: validating all 3,099 objects against every schema of the bundle's oneOf is slow.
        var bundle = StixBundleReader.Read(File.OpenRead(SharedData.Path("ioc", "pegasus", "pegasus.stix2")));
        var sample = bundle.Objects.GroupBy(o => o.Type).SelectMany(g => g.Take(10)).ToList();
        Assert.Empty(Validator.Value.Validate(bundle with { Objects = sample }));
    }

    [Fact]
    public void A_bundle_breaking_the_schema_is_refused()
    {
        var json = StixBundleWriter.ToJson(EveryKindOfObject()).Replace("\"pattern_type\":\"stix\"", "\"pattern_type\":7", StringComparison.Ordinal);
        Assert.NotEmpty(Validator.Value.Validate(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Written_objects_read_back_equal()
    {
        var bundle = EveryKindOfObject();
        var again = StixBundleReader.Parse(StixBundleWriter.ToJson(bundle, indented: true));
        Assert.Equal(bundle.Objects.OfType<StixIndicator>().Single(), again.Objects.OfType<StixIndicator>().Single(), new IndicatorComparer());
        Assert.Equal(TlpLevel.Amber, again.OfType<StixMarkingDefinition>().First(m => m.Tlp is not null).Tlp);
        Assert.Equal(3, again.OfType<StixSighting>().Single().Count);
    }

    private sealed class IndicatorComparer : IEqualityComparer<StixIndicator>
    {
        public bool Equals(StixIndicator? x, StixIndicator? y) =>
            x!.Id == y!.Id && x.Pattern == y.Pattern && x.ValidFrom == y.ValidFrom && x.Modified == y.Modified
            && x.IndicatorTypes.SequenceEqual(y.IndicatorTypes) && x.ObjectMarkingRefs.SequenceEqual(y.ObjectMarkingRefs) && x.CreatedByRef == y.CreatedByRef;

        public int GetHashCode(StixIndicator obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
