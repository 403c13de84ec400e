using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Vigil.Domain.Validation;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// A field error as a page says it. The API's strict readers explain each refusal in English (the API's contract, and
/// what clients match on); a page says the same in the reader's language. Each known sentence is matched whole, its
/// values (a length, a list of names) carried over; a sentence not known yet is shown as written, and the page marks
/// it as English.
/// </summary>
public static partial class ValidationMessages
{
    private sealed record Known(Regex Sentence, string Key);

    // Most specific first: "is required: say what..." before "is required".
    private static readonly Known[] Sentences =
    [
        new(RequiredNarrative(), "RequiredNarrative"),
        new(Required(), "Required"),
        new(NotEmpty(), "NotEmpty"),
        new(NotNull(), "NotNull"),
        new(TooLong(), "TooLong"),
        new(TooMany(), "TooMany"),
        new(ControlCharacters(), "ControlCharacters"),
        new(SingleLine(), "SingleLine"),
        new(DateTime(), "DateTime"),
        new(NotDateTime(), "NotDateTime"),
        new(WholeNumberRange(), "WholeNumberRange"),
        new(WholeNumber(), "WholeNumber"),
        new(TrueOrFalse(), "TrueOrFalse"),
        new(Text(), "Text"),
        new(List(), "List"),
        new(Group(), "Group"),
        new(UnknownField(), "UnknownField"),
        new(Email(), "Email"),
        new(Country(), "Country"),
        new(Domain(), "Domain"),
        new(Url(), "Url"),
        new(Ipv4(), "Ipv4"),
        new(Ipv6(), "Ipv6"),
        new(Hex(), "Hex"),
        new(Repeated(), "Repeated"),
        new(DetectedBeforeOccurred(), "DetectedBeforeOccurred"),
        new(CountriesOverTotal(), "CountriesOverTotal"),
        new(CurrentPassword(), "CurrentPassword"),
    ];

    /// <summary>The error's sentence in the reader's language, and whether it was translated.</summary>
    public static (string Text, bool Translated) Say(FieldError error, IStringLocalizer<ValidationText> text) => Say(error.Detail, text);

    public static (string Text, bool Translated) Say(string detail, IStringLocalizer<ValidationText> text)
    {
        // A sentence about a value names it first, quoted: the value stays, the sentence is said.
        if (QuotedValue().Match(detail) is { Success: true } quoted && Say(quoted.Groups[2].Value, text) is (var inner, true))
        {
            return ($"'{quoted.Groups[1].Value}' {inner}", true);
        }
        foreach (var known in Sentences)
        {
            if (known.Sentence.Match(detail) is { Success: true } match)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray();
                return (text[known.Key, values].Value, true);
            }
        }
        return (detail, false);
    }

    /// <summary>The resource names every known sentence needs (for the test that both languages have them).</summary>
    public static IEnumerable<string> Keys => Sentences.Select(s => s.Key);

    [GeneratedRegex(@"^'(.*)' (is .*)$")] private static partial Regex QuotedValue();
    [GeneratedRegex(@"^is not an ISO 8601 date-time with seconds and an offset, such as (.*)$")] private static partial Regex NotDateTime();
    [GeneratedRegex(@"^is required: say what this update is about$")] private static partial Regex RequiredNarrative();
    [GeneratedRegex(@"^is required$")] private static partial Regex Required();
    [GeneratedRegex(@"^must not be empty$")] private static partial Regex NotEmpty();
    [GeneratedRegex(@"^must not be null(: .*)?$")] private static partial Regex NotNull();
    [GeneratedRegex(@"^must be at most (\d+) characters \(it has (\d+)\)$")] private static partial Regex TooLong();
    [GeneratedRegex(@"^must have at most (\d+) items \(it has (\d+)\)$")] private static partial Regex TooMany();
    [GeneratedRegex(@"^must not contain control characters other than tab and line breaks$")] private static partial Regex ControlCharacters();
    [GeneratedRegex(@"^must be a single line without control characters$")] private static partial Regex SingleLine();
    [GeneratedRegex(@"^must be an ISO 8601 date-time string with offset, not .*$")] private static partial Regex DateTime();
    [GeneratedRegex(@"^must be a whole number from (\d+) to (\d+), not .*$")] private static partial Regex WholeNumberRange();
    [GeneratedRegex(@"^must be a whole number, not .*$")] private static partial Regex WholeNumber();
    [GeneratedRegex(@"^must be true or false, not .*$")] private static partial Regex TrueOrFalse();
    [GeneratedRegex(@"^must be a (non-empty )?string, not .*$")] private static partial Regex Text();
    [GeneratedRegex(@"^must be an array, not .*$")] private static partial Regex List();
    [GeneratedRegex(@"^must be an object, not .*$")] private static partial Regex Group();
    [GeneratedRegex(@"^is not a known (?:field|member); expected: (.*)$")] private static partial Regex UnknownField();
    [GeneratedRegex(@"^is not an e-mail address$")] private static partial Regex Email();
    [GeneratedRegex(@"^is not an ISO 3166-1 alpha-2 country code$")] private static partial Regex Country();
    [GeneratedRegex(@"^is not a domain name$")] private static partial Regex Domain();
    [GeneratedRegex(@"^is not an absolute URL with a scheme and a host$")] private static partial Regex Url();
    [GeneratedRegex(@"^is not an IPv4 address or CIDR block$")] private static partial Regex Ipv4();
    [GeneratedRegex(@"^is not an IPv6 address or CIDR block$")] private static partial Regex Ipv6();
    [GeneratedRegex(@"^is not (\d+) hexadecimal digits$")] private static partial Regex Hex();
    [GeneratedRegex(@"^appears more than once$")] private static partial Regex Repeated();
    [GeneratedRegex(@"^the incident cannot be detected \((.+)\) before it occurred \((.+)\)$")] private static partial Regex DetectedBeforeOccurred();
    [GeneratedRegex(@"^the countries add up to (\d+), more than the total of (\d+)$")] private static partial Regex CountriesOverTotal();
    [GeneratedRegex(@"^is not your current password$")] private static partial Regex CurrentPassword();
}
