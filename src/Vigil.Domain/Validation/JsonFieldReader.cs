using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Domain.Validation;

/// <summary>
/// Reads typed values out of a JSON document and records every problem with its pointer, so that one
/// response can name every bad field instead of stopping at the first.
/// </summary>
public sealed partial class JsonFieldReader(DateTimeOffset now)
{
    /// <summary>How far in the future a client's time may lie before it is taken as a mistake (clock skew).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public DateTimeOffset Now { get; } = now;

    public void Fail(string pointer, string detail) => _errors.Add(new FieldError(pointer, detail));

    public string? String(JsonElement value, string pointer, int maxLength, bool multiline = false)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(pointer, $"must be a string, not {Describe(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(pointer, "must not be empty");
            return null;
        }
        if (text.Length > maxLength)
        {
            Fail(pointer, $"must be at most {maxLength} characters (it has {text.Length})");
            return null;
        }
        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Fail(pointer, multiline ? "must not contain control characters other than tab and line breaks" : "must be a single line without control characters");
            return null;
        }
        return text;
    }

    public string? OneOf(JsonElement value, string pointer, IReadOnlyCollection<string> allowed, string what)
    {
        var text = String(value, pointer, 100);
        if (text is null)
        {
            return null;
        }
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Fail(pointer, $"'{text}' is not a known {what}; expected one of: {string.Join(", ", allowed)}");
            return null;
        }
        return text;
    }

    /// <param name="mayLieAhead">For due times: a time in the future is expected, not a mistake.</param>
    public DateTimeOffset? Timestamp(JsonElement value, string pointer, bool mayLieAhead = false)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(pointer, $"must be an ISO 8601 date-time string with offset, not {Describe(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (!Iso8601.HasRequiredShape(text))
        {
            Fail(pointer, $"'{Shorten(text)}' is not an ISO 8601 date-time with seconds and an offset, such as {Iso8601.Example}");
            return null;
        }
        if (!Iso8601.TryParse(text, out var parsed))
        {
            Fail(pointer, $"'{text}' is not a valid date-time");
            return null;
        }
        if (!mayLieAhead && parsed > Now + AllowedClockSkew)
        {
            Fail(pointer, $"{text} lies in the future (more than {AllowedClockSkew.TotalMinutes} minutes after the server's clock)");
            return null;
        }
        return parsed;
    }

    public long? Count(JsonElement value, string pointer)
    {
        // 2^53 - 1: the largest integer every JSON reader (and RFC 8785) represents exactly.
        const long MaxExact = 9_007_199_254_740_991;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count) || count < 0 || count > MaxExact)
        {
            Fail(pointer, $"must be a whole number from 0 to {MaxExact}, not {Describe(value)}");
            return null;
        }
        return count;
    }

    public bool? Boolean(JsonElement value, string pointer)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Fail(pointer, $"must be true or false, not {Describe(value)}");
        return null;
    }

    public string? Email(JsonElement value, string pointer)
    {
        var text = String(value, pointer, 254);
        if (text is not null && !EmailPattern().IsMatch(text))
        {
            Fail(pointer, $"'{Shorten(text)}' is not an e-mail address");
            return null;
        }
        return text;
    }

    public string? Phone(JsonElement value, string pointer)
    {
        var text = String(value, pointer, 40);
        if (text is not null && !PhonePattern().IsMatch(text))
        {
            Fail(pointer, $"'{Shorten(text)}' is not a telephone number (digits, spaces, +, -, parentheses; at least 5 digits)");
            return null;
        }
        return text;
    }

    /// <summary>Checks an array's type and size and reads each item; returns false when the value is not a usable array.</summary>
    public bool Array(JsonElement value, string pointer, int maxItems, Action<JsonElement, string> readItem)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(pointer, $"must be an array, not {Describe(value)}");
            return false;
        }
        var length = value.GetArrayLength();
        if (length > maxItems)
        {
            Fail(pointer, $"must have at most {maxItems} items (it has {length})");
            return false;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            readItem(item, JsonPointer.Append(pointer, index++));
        }
        return true;
    }

    /// <summary>
    /// Checks that a value is an object with only the named members and all the required ones, then reads each
    /// member present. Returns false when the value is not an object.
    /// </summary>
    public bool Object(JsonElement value, string pointer, IReadOnlyDictionary<string, Action<JsonElement, string>> members, params string[] required)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(pointer, $"must be an object, not {Describe(value)}");
            return false;
        }
        foreach (var property in value.EnumerateObject())
        {
            var memberPointer = JsonPointer.Append(pointer, property.Name);
            if (members.TryGetValue(property.Name, out var read))
            {
                read(property.Value, memberPointer);
            }
            else
            {
                Fail(memberPointer, $"is not a known field; expected: {string.Join(", ", members.Keys)}");
            }
        }
        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                Fail(JsonPointer.Append(pointer, name), "is required");
            }
        }
        return true;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Whether <paramref name="text"/> is an e-mail address by the rule <see cref="Email"/> reads with.</summary>
    public static bool IsEmailAddress(string text) => EmailPattern().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-.]*([0-9][ ()\-.]*){5,}$")]
    private static partial Regex PhonePattern();
}
