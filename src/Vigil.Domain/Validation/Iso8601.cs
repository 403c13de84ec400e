using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Domain.Validation;

/// <summary>ISO 8601 / RFC 3339 date-times as Vigil accepts them: with seconds and an explicit offset, never local time.</summary>
public static partial class Iso8601
{
    public const string Example = "2019-05-13T10:30:00+05:30";

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Pattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static bool HasRequiredShape(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
