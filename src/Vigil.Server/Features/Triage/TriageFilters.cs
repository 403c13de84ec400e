using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Triage;

/// <summary>
/// The triage inbox's filters, read from its query string (so that a filtered inbox is a link one can keep, and a saved
/// filter is that query string): each value is checked against what exists, and each bad one is named by its parameter.
/// </summary>
/// <param name="Assignee">An analyst's user id, <see cref="Me"/> or <see cref="Nobody"/>.</param>
public sealed record TriageFilters(
    string? Organisation, string? Regime, string? Status, string? Category, string? Assignee, string? Tlp, bool Overdue, int Page)
{
    public const string Me = "me";
    public const string Nobody = "nobody";
    public const int MaxPage = 10_000;

    /// <summary>The parameters the inbox reads, in the order a query string is written.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["organisation", "regime", "status", "category", "assignee", "tlp", "overdue", "page"];

    public static readonly TriageFilters None = new(null, null, null, null, null, null, false, 1);

    /// <summary>A problem with one parameter: its name and the key of the sentence that explains it (TriageText).</summary>
    public sealed record Problem(string Parameter, string Key);

    /// <summary>Whether a content filter (category, assignee) is set: incidents the reader may not read cannot match one.</summary>
    public bool FiltersContent => Category is not null || Assignee is not null;

    /// <summary>The query string of these filters (without the page unless asked), empty when there are none.</summary>
    public string ToQuery(bool withPage = false)
    {
        var pairs = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("organisation", Organisation);
        Add("regime", Regime);
        Add("status", Status);
        Add("category", Category);
        Add("assignee", Assignee);
        Add("tlp", Tlp);
        Add("overdue", Overdue ? "true" : null);
        Add("page", withPage && Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        return string.Join("&", pairs);
    }

    public static Task<(TriageFilters Filters, IReadOnlyList<Problem> Problems)> ReadAsync(
        string queryString, VigilDbContext db, RegimeCatalog regimes, CancellationToken cancellationToken) =>
        ReadAsync(QueryHelpers.ParseQuery(queryString), db, regimes, cancellationToken);

    /// <summary>
    /// The filters a query gives, and every problem with it: an unknown parameter, one given twice, or a value that
    /// names nothing (no such organisation, regime, status, category, analyst or label).
    /// </summary>
    public static async Task<(TriageFilters Filters, IReadOnlyList<Problem> Problems)> ReadAsync(
        IEnumerable<KeyValuePair<string, StringValues>> query, VigilDbContext db, RegimeCatalog regimes, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in query)
        {
            if (!Parameters.Contains(name))
            {
                problems.Add(new Problem(name, "Bad_parameter"));
            }
            else if (given.Count > 1)
            {
                problems.Add(new Problem(name, "Bad_repeated"));
            }
            else if (!string.IsNullOrEmpty(given.ToString()))
            {
                values[name] = given.ToString();
            }
        }
        string? Value(string name) => values.GetValueOrDefault(name);
        void Check(string name, bool good)
        {
            if (values.ContainsKey(name) && !good)
            {
                problems.Add(new Problem(name, "Bad_" + name));
            }
        }
        if (Value("organisation") is { } organisation)
        {
            Check("organisation", organisation.Length <= 64 && await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken));
        }
        Check("regime", Value("regime") is { } regime && regimes.TryGet(regime, out _));
        Check("status", Value("status") is { } status && IncidentStatus.IsValid(status));
        Check("category", Value("category") is { } category && IncidentCategory.Find(category) is not null);
        Check("tlp", Value("tlp") is { } tlp && TlpLabel.IsValid(tlp));
        Check("overdue", Value("overdue") is "true" or "false");
        var page = 1;
        Check("page", Value("page") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage);
        if (Value("assignee") is { } assignee && assignee is not (Me or Nobody))
        {
            Check("assignee", assignee.Length <= 36 && await db.Users.AnyAsync(u => u.Id == assignee && u.Role == Roles.Analyst, cancellationToken));
        }
        var filters = new TriageFilters(Value("organisation"), Value("regime"), Value("status"), Value("category"), Value("assignee"), Value("tlp"),
            Value("overdue") == "true", page is >= 1 and <= MaxPage ? page : 1);
        return (filters, problems);
    }
}
