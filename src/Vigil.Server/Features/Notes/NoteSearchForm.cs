using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// The notes list's search form as the query string carries it (q, severity, product, cve, from, to, page): what was
/// typed, kept to show again, the filters it means, and, for each field that cannot be read, the name of the message
/// (in <see cref="NoteText"/>) to show beside it. Dates are days in the reader's zone, both ends included.
/// </summary>
public sealed partial class NoteSearchForm
{
    public const int MaxLength = 200;

    public string? Text { get; init; }
    public string? Severity { get; init; }
    public string? Product { get; init; }
    public string? Cve { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public int Page { get; private set; } = 1;

    /// <summary>Field id (q, severity, product, cve, from, to) to the message saying what is wrong with it.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public NoteFilters Filters { get; private set; } = new();

    public bool IsEmpty => new[] { Text, Severity, Product, Cve, From, To }.All(string.IsNullOrWhiteSpace);

    public NoteSearchForm Read(string? page, TimeZoneInfo zone)
    {
        foreach (var (field, value) in new[] { ("q", Text), ("product", Product), ("cve", Cve) })
        {
            if (value?.Length > MaxLength) { Errors[field] = "TooLong"; }
        }
        var severity = string.IsNullOrWhiteSpace(Severity) ? null : Severity.Trim();
        if (severity is not null && !NoteReader.Severities.Contains(severity)) { Errors["severity"] = "BadSeverity"; }
        var cve = string.IsNullOrWhiteSpace(Cve) ? null : Cve.Trim().ToUpperInvariant();
        if (cve is not null && !Errors.ContainsKey("cve") && !CvePattern().IsMatch(cve)) { Errors["cve"] = "BadCve"; }
        var from = Day("from", From, zone);
        var to = Day("to", To, zone);
        if (from is not null && to is not null && from > to) { Errors["to"] = "BadRange"; }
        if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 100_000) { Page = number; }
        Filters = new NoteFilters(NoteSearchTerms.From(Text), severity, NoteSearchTerms.From(Product), cve, from, to?.AddDays(1));
        return this;
    }

    /// <summary>The start of the day written yyyy-MM-dd (as a date field sends it), in the reader's zone.</summary>
    private DateTimeOffset? Day(string field, string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Errors[field] = "BadDate";
            return null;
        }
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // In UTC: PostgreSQL's timestamptz takes only instants given with offset zero.
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,19}$")]
    private static partial Regex CvePattern();
}
