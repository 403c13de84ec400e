using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Regimes.Files;

/// <summary>Strict reading of one regime file's members; every failure names the file and the member's JSON pointer.</summary>
internal sealed class RegimeJson(string fileName)
{
    public string FileName { get; } = fileName;

    public RegimeFileException Fail(string pointer, string problem) => new(FileName, pointer, problem);

    /// <summary>Checks that <paramref name="value"/> is an object with the required members and no others.</summary>
    public void Members(JsonElement value, string pointer, string[] required, string[] optional)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(pointer, $"must be an object, not {JsonFieldReader.Describe(value)}");
        }
        foreach (var property in value.EnumerateObject())
        {
            if (!required.Contains(property.Name) && !optional.Contains(property.Name))
            {
                throw Fail(JsonPointer.Append(pointer, property.Name),
                    $"is not a known member; expected: {string.Join(", ", required.Concat(optional))}");
            }
        }
        foreach (var name in required.Where(n => !value.TryGetProperty(n, out _)))
        {
            throw Fail(JsonPointer.Append(pointer, name), "is required but missing");
        }
    }

    public string String(JsonElement parent, string name, string pointer)
    {
        var at = JsonPointer.Append(pointer, name);
        var value = parent.GetProperty(name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Fail(at, $"must be a non-empty string, not {JsonFieldReader.Describe(value)}");
    }

    public string? OptionalString(JsonElement parent, string name, string pointer) =>
        parent.TryGetProperty(name, out _) ? String(parent, name, pointer) : null;

    public int NonNegativeInt(JsonElement parent, string name, string pointer)
    {
        var at = JsonPointer.Append(pointer, name);
        var value = parent.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
        {
            throw Fail(at, $"must be a whole number, not {JsonFieldReader.Describe(value)}");
        }
        return n >= 0 ? n : throw Fail(at, $"must not be negative, but is {n}");
    }

    public TimeOnly TimeOfDay(JsonElement parent, string name, string pointer)
    {
        var text = String(parent, name, pointer);
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Fail(JsonPointer.Append(pointer, name), $"'{text}' is not a time of day as HH:mm");
    }

    public DateOnly Date(JsonElement parent, string name, string pointer)
    {
        var value = parent.GetProperty(name);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Fail(JsonPointer.Append(pointer, name), $"must be a date as YYYY-MM-DD, not {JsonFieldReader.Describe(value)}");
    }

    public Uri AbsoluteUrl(string text, string pointer) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Fail(pointer, $"'{text}' is not an https URL");

    public IEnumerable<(JsonElement Item, string Pointer)> Array(JsonElement parent, string name, string pointer, bool allowEmpty)
    {
        var at = JsonPointer.Append(pointer, name);
        var value = parent.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail(at, $"must be an array, not {JsonFieldReader.Describe(value)}");
        }
        if (!allowEmpty && value.GetArrayLength() == 0)
        {
            throw Fail(at, "must not be empty");
        }
        return value.EnumerateArray().Select((item, i) => (item, JsonPointer.Append(at, i)));
    }

    public string StringItem(JsonElement item, string pointer) =>
        item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text
            ? text
            : throw Fail(pointer, $"must be a non-empty string, not {JsonFieldReader.Describe(item)}");
}
