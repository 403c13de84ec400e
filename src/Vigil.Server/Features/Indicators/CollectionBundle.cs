using Microsoft.Extensions.Options;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// A collection as a STIX 2.1 bundle: the CERT's identity, the TLP 2.0 markings used, one malware object per malware
/// name, the indicators with an <c>indicates</c> relationship to each malware, and a report that lists them all.
/// Nothing is marked below its label: the malware carry the collection's label; each indicator (and its
/// relationships) the narrower of the collection's label and its own; the report the narrowest of what it lists.
/// </summary>
public sealed class CollectionBundle(IOptions<IndicatorSharingOptions> options)
{
    // The identity object is written the same in every export, so its version never changes by accident.
    private static readonly DateTimeOffset IdentityCreated = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public StixBundle Build(IndicatorCollection collection, IReadOnlyList<CollectionIndicator> indicators)
    {
        var cert = options.Value;
        var identity = new StixIdentity
        {
            Id = cert.IdentityId, Created = IdentityCreated, Modified = IdentityCreated, Name = cert.IdentityName,
            IdentityClass = "organization", ContactInformation = cert.ContactInformation,
        };
        string[] Marked(string label) => [StixLabels.Marking(label).Id];
        var malware = collection.MalwareNames.Select(name => new StixMalware
        {
            Id = DerivedStixIds.For("malware", collection.Id, name), Created = collection.CreatedAt, Modified = collection.UpdatedAt,
            Name = name, IsFamily = true, CreatedByRef = identity.Id, ObjectMarkingRefs = Marked(collection.Tlp),
        }).ToList();
        var labelled = indicators.Select(i => (Indicator: i, Label: TlpLabel.MostRestrictive(collection.Tlp, i.Tlp))).ToList();
        var stixIndicators = labelled.Select(l => new StixIndicator
        {
            Id = l.Indicator.StixId, Created = l.Indicator.CreatedAt, Modified = l.Indicator.CreatedAt, Name = l.Indicator.Name,
            Description = l.Indicator.Description, Pattern = l.Indicator.Pattern, PatternVersion = "2.1", ValidFrom = l.Indicator.ValidFrom,
            IndicatorTypes = ["malicious-activity"], CreatedByRef = identity.Id, ObjectMarkingRefs = Marked(l.Label),
        }).ToList();
        // A relationship names its indicator, so it is marked as the indicator is.
        var relationships = stixIndicators.SelectMany(i => malware.Select(m => new StixRelationship
        {
            Id = DerivedStixIds.For("relationship", i.Id, m.Id), Created = i.Created, Modified = i.Created,
            RelationshipType = StixRelationship.Indicates, SourceRef = i.Id, TargetRef = m.Id, CreatedByRef = identity.Id,
            ObjectMarkingRefs = i.ObjectMarkingRefs,
        })).ToList();
        string[] labels = [collection.Tlp, .. labelled.Select(l => l.Label)];
        var markings = labels.Distinct().OrderBy(TlpLabel.Restriction).Select(StixLabels.Marking);
        List<StixObject> objects = [identity, .. markings, .. malware, .. stixIndicators, .. relationships];
        string[] listed = [.. stixIndicators.Select(i => i.Id), .. malware.Select(m => m.Id)];
        if (listed.Length > 0)
        {
            objects.Add(new StixReport
            {
                Id = DerivedStixIds.For("report", collection.Id), Created = collection.CreatedAt, Modified = collection.UpdatedAt,
                Published = collection.UpdatedAt, Name = collection.Name, Description = collection.Description, ReportTypes = ["indicator"],
                ObjectRefs = listed, CreatedByRef = identity.Id, ObjectMarkingRefs = Marked(TlpLabel.MostRestrictive(labels)),
            });
        }
        return new StixBundle(StixBundle.NewId("bundle"), objects);
    }
}
