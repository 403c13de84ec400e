namespace Vigil.Domain.Exposure;

/// <summary>Says in words why a component is reported: identity, version evidence and, if any, the relationship.</summary>
public static class ExposureReason
{
    public static string Describe(ExposureMatch match)
    {
        var entry = match.Entry;
        var component = match.Component.Version is null ? match.Component.Name : $"{match.Component.Name} {match.Component.Version}";
        var product = string.Join(' ', new[] { entry.Vendor, entry.Product, entry.Platform }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var identity = match.Method switch
        {
            MatchMethod.Purl => $"its package URL is the package of {product}",
            MatchMethod.Cpe => $"its CPE name is covered by {entry.Cpe} ({product})",
            _ => $"its name is that of {product}",
        };
        var evidence = match.Basis switch
        {
            MatchBasis.ExactVersion => $"the document lists version {match.Range} as {entry.Status}",
            MatchBasis.VersionInRange or MatchBasis.RangeFromName when match.Range == EveryVersion =>
                $"the document lists every version ({Words(entry)}{match.Range}) as {entry.Status}",
            MatchBasis.VersionInRange => $"version {match.Version} lies in {match.Range}, which the document lists as {entry.Status}",
            MatchBasis.RangeFromName =>
                $"version {match.Version} lies in \"{entry.RangeWords}\", which Vigil reads as {match.Range} and the document lists as {entry.Status}",
            _ => entry.UnreadVersions is { } text
                ? $"the document lists it as {entry.Status} with versions written as \"{text}\", which Vigil cannot compare: check whether your version is affected"
                : $"the document lists the product as {entry.Status} without giving any version: check whether your version is affected",
        };
        var relationship = entry.Relationship is { } r
            ? $" It is named through the relationship {r.Category} (product {r.ProductId}: {r.ProductReference} {r.Category.Replace('_', ' ')} {r.RelatesToName ?? r.RelatesTo})."
            : "";
        return $"{component}: {identity}; {evidence}.{relationship}";
    }

    private const string EveryVersion = "vers:all/*";

    private static string Words(IAffectedProductEntry entry) => entry.RangeWords is { } words ? $"\"{words}\", read as " : "";
}
