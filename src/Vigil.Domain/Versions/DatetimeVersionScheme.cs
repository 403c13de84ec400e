using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Domain.Versions;

/// <summary>
/// The <c>datetime</c> type: RFC 3339 timestamps with upper-case <c>T</c> and <c>Z</c>, ordered by the instant
/// they name, so 2024-01-01T00:00:00+02:00 comes before 2023-12-31T23:00:00Z.
/// </summary>
public sealed partial class DatetimeVersionScheme : VersionScheme
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = ["datetime"];

    /// <inheritdoc/>
    public override string? Problem(string version) =>
        Rfc3339().IsMatch(version) && TryRead(version, out _) ? null : $"\"{version}\" is not an RFC 3339 timestamp.";

    /// <inheritdoc/>
    public override int Compare(string left, string right) =>
        TryRead(left, out var l) && TryRead(right, out var r)
            ? l.UtcTicks.CompareTo(r.UtcTicks)
            : throw new FormatException("Both versions must be RFC 3339 timestamps.");

    private static bool TryRead(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
