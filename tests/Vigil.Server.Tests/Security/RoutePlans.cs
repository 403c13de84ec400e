using System.Text.RegularExpressions;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Tests.Security;

/// <summary>How the matrix expects a call to end: refused before the handler, hidden, or let through to it.</summary>
public enum Outcome
{
    Unauthenticated,
    Forbidden,
    Hidden,
    Passed,
}

/// <summary>One concrete call: its path, and the rule (if the route acts on a labelled thing) that decides whether the caller reaches it.</summary>
public sealed record PlannedCall(string Path, Func<Caller, bool>? Reaches, bool MayFindNothing);

/// <summary>
/// Turns a route pattern into a call for one label: fills its parameters with the world's things, and names the
/// audience rule that must let the caller reach the thing (<see cref="TlpAudience"/>: the same rule the server applies).
/// A route with a parameter this table does not know fails the matrix, so a new endpoint cannot slip past it.
/// </summary>
public static partial class RoutePlans
{
    private const string Incidents = "/api/v1/incidents/{id}";
    private const string Notes = "/api/v1/notes/{id}";
    private const string Collections = "/api/v1/indicator-collections/{id}";
    private const string Advisories = "/api/v1/advisories/{id:long}";
    private const string Organisations = "/api/v1/organisations/{id}/";

    /// <summary>The call for <paramref name="route"/> on things labelled <paramref name="label"/>; null when the route holds no labelled thing and the label is not the first.</summary>
    public static PlannedCall? Plan(RouteEntry route, string label, MatrixWorld world)
    {
        var things = world.Things[label];
        var pattern = route.Pattern;
        var labelled = LabelledKind(pattern);
        if (labelled is null && label != TlpLabel.Clear)
        {
            return null;
        }
        if (labelled == "advisory" && things.Advisory is null)
        {
            return null;
        }
        // Where the world holds nothing to find (no mirror, no provider, no key of that name), 404 is a fair answer for anyone let in.
        // The one indicator of a collection may be gone: another call of the matrix removed it.
        var mayFindNothing = route.Method == "DELETE" || pattern.Contains("{indicatorId}", StringComparison.Ordinal) || pattern.StartsWith("/.well-known/csaf-aggregator/", StringComparison.Ordinal)
            || pattern.StartsWith("/.well-known/csaf/openpgp/", StringComparison.Ordinal)
            || pattern.StartsWith("/api/v1/advisories/providers/{id", StringComparison.Ordinal) || pattern.StartsWith("/ledger/", StringComparison.Ordinal)
            || pattern.StartsWith("/providers/{id", StringComparison.Ordinal)
            || pattern.StartsWith("/api/v1/inbound-mail/{id}", StringComparison.Ordinal) || pattern.StartsWith("/triage/mail/{id}", StringComparison.Ordinal)
            || pattern.StartsWith("/api/v1/webhooks/{id", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/notifications/deliveries/{id", StringComparison.Ordinal)
            || (route.Method == "GET" && pattern.StartsWith(Organisations, StringComparison.Ordinal));
        var path = ParameterPattern().Replace(pattern, m => Fill(m.Groups[1].Value, pattern, things, world)).TrimEnd('/');
        // An organisation's own things (its inventory, its exposure) are for its members and the CERT.
        Func<Caller, bool>? reaches = pattern.StartsWith(Organisations, StringComparison.Ordinal)
            ? c => c.Reader.Standing == ReaderStanding.Cert || c.OrganisationId == world.OrganisationA
            : labelled is null ? null : Rule(route, labelled, label, world);
        // A page's form post without the antiforgery token is refused (400) before anything is read, whatever it names.
        reaches = route.TakesForm && route.Method == "POST" && (pattern is "/notes/{id}" || pattern.StartsWith("/indicators/{id}", StringComparison.Ordinal)) ? null : reaches;
        return new PlannedCall(path.Length == 0 ? "/" : path, reaches, mayFindNothing);
    }

    private static string? LabelledKind(string pattern) =>
        pattern.StartsWith(Incidents, StringComparison.Ordinal) || pattern.StartsWith("/api/v1/receipts/", StringComparison.Ordinal)
            || pattern.StartsWith("/incidents/{id}", StringComparison.Ordinal) ? "incident"
        : pattern.StartsWith(Notes, StringComparison.Ordinal) || pattern.StartsWith("/notes/{id}", StringComparison.Ordinal) ? "note"
        : pattern.StartsWith("/.well-known/csaf/{directory}", StringComparison.Ordinal) ? "note"
        : pattern.StartsWith(Collections, StringComparison.Ordinal) ? "collection"
        : pattern.StartsWith("/indicators/{id}", StringComparison.Ordinal) ? "collection"
        : pattern.StartsWith(Advisories, StringComparison.Ordinal) ? "advisory"
        : null;

    private static string Fill(string parameter, string pattern, LabelledThings things, MatrixWorld world) => parameter switch
    {
        "id" when pattern.StartsWith(Incidents, StringComparison.Ordinal) => things.Incident,
        "id" when pattern.StartsWith("/incidents/{id}", StringComparison.Ordinal) => things.Incident,
        "id" when pattern.StartsWith(Notes, StringComparison.Ordinal) || pattern.StartsWith("/notes/", StringComparison.Ordinal) => things.Note,
        "id" when pattern.StartsWith(Collections, StringComparison.Ordinal) => things.Collection,
        "id" when pattern.StartsWith("/indicators/", StringComparison.Ordinal) => things.Collection,
        "id:long" when pattern.StartsWith(Advisories, StringComparison.Ordinal) => things.Advisory!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/organisations/{id}", StringComparison.Ordinal) => world.OrganisationA,
        "id" when pattern.StartsWith("/oversight/incidents/", StringComparison.Ordinal) => things.Incident,
        "id" when pattern.StartsWith("/api/v1/users/", StringComparison.Ordinal) => world.TargetUser,
        "id" when pattern.StartsWith("/admin/users/", StringComparison.Ordinal) => world.TargetUser,
        "id" or "id:long" => "999999",
        "index:long" when pattern.StartsWith("/api/v1/receipts/", StringComparison.Ordinal) => things.IncidentLeaf.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "index:long" => "0",
        "sequence:int" => "1",
        "organisationId" => world.OrganisationB,
        "userId" => world.Analyst.UserId!,
        "indicatorId" => things.CollectionIndicator,
        "sha256" => things.Attachment,
        "directory" or "label" => things.NoteDocumentPath.Split('/')[3],
        "year:int" => things.NoteDocumentPath.Split('/')[4],
        "file" when pattern.StartsWith("/.well-known/csaf/{directory}", StringComparison.Ordinal) => things.NoteDocumentPath.Split('/')[5],
        "file" => "key.asc",
        "folder" => "no-such-mirror",
        "chart" => "on-time",
        "**path" => "0/000",
        "documentName" or "documentName?" => "v1",
        "Tag" => "incidents",
        "id:guid" => "0193a4f2-8a6e-7c1d-9f3b-5e2a1c7d4b60",
        _ => throw new InvalidOperationException($"The access matrix does not know route parameter {{{parameter}}} of {pattern}: add it to RoutePlans."),
    };

    /// <summary>Whether the caller reaches the thing the route acts on, by the audience rule the route's purpose calls for.</summary>
    private static Func<Caller, bool> Rule(RouteEntry route, string kind, string label, MatrixWorld world)
    {
        var owner = kind == "incident" ? world.OrganisationA : null;
        var author = kind == "incident" ? world.ReporterA.UserId : world.Analyst.UserId;
        LabelledFacts Facts(Caller c) => new(label, owner, SharedWithReader: false, ReaderNamed: c.UserId is not null && c.UserId == author);
        var tail = Tail(route.Pattern);
        if (route.Pattern.StartsWith("/.well-known/csaf/{directory}", StringComparison.Ordinal) && !route.Pattern.EndsWith("{file}", StringComparison.Ordinal))
        {
            return c => TlpAudience.MayEverRead(c.Reader, label);
        }
        return tail switch
        {
            "/timeline" or "/compliance" => c => TlpAudience.MayKnowOf(c.Reader, Facts(c)),
            "/access" => c => TlpAudience.MayRead(c.Reader, Facts(c))
                && (c.Reader.Standing == ReaderStanding.Cert || (owner is not null && c.OrganisationId == owner)),
            "/shares" or "/shares/{organisationId}" => c => TlpAudience.MayShare(c.Reader, Facts(c)),
            "/readers" or "/readers/{userId}" => c => TlpAudience.MayName(c.Reader, Facts(c)),
            "/updates" => c => TlpAudience.MayRead(c.Reader, Facts(c)) && c.OrganisationId == owner,
            _ => c => TlpAudience.MayRead(c.Reader, Facts(c)),
        };
    }

    private static string Tail(string pattern)
    {
        foreach (var prefix in new[] { Incidents, Notes, Collections, Advisories })
        {
            if (pattern.StartsWith(prefix, StringComparison.Ordinal))
            {
                return pattern[prefix.Length..];
            }
        }
        return "";
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();
}
