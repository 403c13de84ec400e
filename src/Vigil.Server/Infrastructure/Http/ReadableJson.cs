using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Domain.Validation;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// What the JSON parser lets through but nothing after it can use: strings and member names that are not text
/// (invalid UTF-8, or an escaped surrogate without its pair) and numbers no double holds (1e400). The parser checks
/// these only when a value is read, which would be deep inside a handler, a hash or a canonical form; checked here
/// once, they are refused before anything reads them.
/// </summary>
public static class ReadableJson
{
    /// <summary>The first value that cannot be read, or null when every string, name and number can.</summary>
    public static FieldError? FirstUnreadable(JsonElement value, string pointer = JsonPointer.Root)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (!IsText(JsonMarshal.GetRawUtf8PropertyName(member), () => member.Name))
                    {
                        return new FieldError(pointer, "has a member whose name is not text: " + NotText);
                    }
                    if (FirstUnreadable(member.Value, JsonPointer.Append(pointer, member.Name)) is { } inMember)
                    {
                        return inMember;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (FirstUnreadable(item, JsonPointer.Append(pointer, index++)) is { } inItem)
                    {
                        return inItem;
                    }
                }
                return null;
            case JsonValueKind.String:
                return IsText(JsonMarshal.GetRawUtf8Value(value), value.GetString) ? null : new FieldError(pointer, "is not text: " + NotText);
            case JsonValueKind.Number:
                return value.TryGetDouble(out var number) && double.IsFinite(number) ? null
                    : new FieldError(pointer, "is a number beyond what a double (IEEE 754) holds, about ±1.8e308");
            default:
                return null;
        }
    }

    private const string NotText = "it holds bytes that are not UTF-8, or an escaped surrogate (\\ud800 to \\udfff) without its pair";

    // Without escapes the raw bytes are the text and only need to be UTF-8; with them, decoding is the check.
    private static bool IsText(ReadOnlySpan<byte> raw, Func<string?> decode)
    {
        if (!raw.Contains((byte)'\\'))
        {
            return Utf8.IsValid(raw);
        }
        try
        {
            decode();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
