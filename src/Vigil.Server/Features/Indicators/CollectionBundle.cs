using Microsoft.Extensions.Options;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// A collection as a STIX 2.1 bundle: the CERT's identity, the TLP 2.0 marking, one malware object per malware
/// name, the indicators with an <c>indicates</c> relationship to each malware, and a report that lists them all.
/// Everything but the identity and the marking is created by the CERT and carries the collection's TLP marking.
/// </summary>
public sealed class CollectionBundle(IOptions<IndicatorSharingOptions> options)
{
    // The identity object is written the same in every export, so its version never changes by accident.
    private static readonly DateTimeOffset IdentityCreated = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, TlpLevel> Levels = new(StringComparer.Ordinal)
    {
        [TlpLabel.Clear] = TlpLevel.Clear, [TlpLabel.Green] = TlpLevel.Green, [TlpLabel.Amber] = TlpLevel.Amber,
        [TlpLabel.AmberStrict] = TlpLevel.AmberStrict, [TlpLabel.Red] = TlpLevel.Red,
    };

    public StixBundle Build(IndicatorCollection collection, IReadOnlyList<CollectionIndicator> indicators)
    {
        var cert = options.Value;
        var identity = new StixIdentity
        {
            Id = cert.IdentityId, Created = IdentityCreated, Modified = IdentityCreated, Name = cert.IdentityName,
            IdentityClass = "organization", ContactInformation = cert.ContactInformation,
        };
        var marking = StixMarkingDefinition.ForTlp(Levels[collection.Tlp]);
        string[] marked = [marking.Id];
        var malware = collection.MalwareNames.Select(name => new StixMalware
        {
            Id = DerivedStixIds.For("malware", collection.Id, name), Created = collection.CreatedAt, Modified = collection.UpdatedAt,
            Name = name, IsFamily = true, CreatedByRef = identity.Id, ObjectMarkingRefs = marked,
        }).ToList();
        var stixIndicators = indicators.Select(i => new StixIndicator
        {
            Id = i.StixId, Created = i.CreatedAt, Modified = i.CreatedAt, Name = i.Name, Description = i.Description,
            Pattern = i.Pattern, PatternVersion = "2.1", ValidFrom = i.ValidFrom, IndicatorTypes = ["malicious-activity"],
            CreatedByRef = identity.Id, ObjectMarkingRefs = marked,
        }).ToList();
        var relationships = stixIndicators.SelectMany(i => malware.Select(m => new StixRelationship
        {
            Id = DerivedStixIds.For("relationship", i.Id, m.Id), Created = i.Created, Modified = i.Created,
            RelationshipType = StixRelationship.Indicates, SourceRef = i.Id, TargetRef = m.Id, CreatedByRef = identity.Id, ObjectMarkingRefs = marked,
        })).ToList();
        List<StixObject> objects = [identity, marking, .. malware, .. stixIndicators, .. relationships];
        string[] listed = [.. stixIndicators.Select(i => i.Id), .. malware.Select(m => m.Id)];
        if (listed.Length > 0)
        {
            objects.Add(new StixReport
            {
                Id = DerivedStixIds.For("report", collection.Id), Created = collection.CreatedAt, Modified = collection.UpdatedAt,
                Published = collection.UpdatedAt, Name = collection.Name, Description = collection.Description, ReportTypes = ["indicator"],
                ObjectRefs = listed, CreatedByRef = identity.Id, ObjectMarkingRefs = marked,
            });
        }
        return new StixBundle(StixBundle.NewId("bundle"), objects);
    }
}
