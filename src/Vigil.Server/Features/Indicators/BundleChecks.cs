using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Validation;
using Vigil.Indicators.Patterns;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Checks an uploaded STIX 2.1 bundle before anything is imported, naming every problem by JSON pointer: the bundle's
/// shape, each object's type, id, spec_version, timestamps and markings (<see cref="BundleMarkingChecks"/>), and each
/// indicator's pattern.
/// </summary>
public static partial class BundleChecks
{
    public static IReadOnlyList<FieldError> Check(JsonElement bundle)
    {
        var errors = new List<FieldError>();
        if (bundle.ValueKind != JsonValueKind.Object)
        {
            return [new FieldError("", "must be a STIX bundle: a JSON object with \"type\": \"bundle\"")];
        }
        if (Text(bundle, "type") != "bundle") { errors.Add(new FieldError("/type", "must be \"bundle\"")); }
        if (Text(bundle, "id") is not { } id || !IsId(id, "bundle")) { errors.Add(new FieldError("/id", "must be 'bundle--' followed by a UUID")); }
        if (!bundle.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array || objects.GetArrayLength() == 0)
        {
            errors.Add(new FieldError("/objects", "must be a non-empty array of STIX objects"));
            return errors;
        }
        var markings = new BundleMarkingChecks(objects);
        var index = 0;
        var indicators = 0;
        foreach (var o in objects.EnumerateArray())
        {
            var at = JsonPointer.Append("/objects", index++);
            indicators += Text(o, "type") == "indicator" ? 1 : 0;
            CheckObject(o, at, errors);
            markings.Check(o, at, errors);
        }
        if (indicators == 0) { errors.Add(new FieldError("/objects", "holds no indicator")); }
        return errors;
    }

    private static void CheckObject(JsonElement o, string at, List<FieldError> errors)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(at, "must be a STIX object"));
            return;
        }
        var type = Text(o, "type");
        if (type is null || !TypePattern().IsMatch(type)) { errors.Add(new FieldError(at + "/type", "must be a STIX type name")); return; }
        if (Text(o, "id") is not { } id || !IsId(id, type)) { errors.Add(new FieldError(at + "/id", $"must be '{type}--' followed by a UUID")); }
        if (Text(o, "spec_version") != "2.1") { errors.Add(new FieldError(at + "/spec_version", "must be \"2.1\"")); }
        foreach (var name in type == "marking-definition" ? ["created"] : new[] { "created", "modified" })
        {
            if (!IsTimestamp(Text(o, name))) { errors.Add(new FieldError($"{at}/{name}", "must be an RFC 3339 timestamp in UTC, such as 2019-05-13T09:30:00.000Z")); }
        }
        if (type != "indicator") { return; }
        if (!IsTimestamp(Text(o, "valid_from"))) { errors.Add(new FieldError(at + "/valid_from", "must be an RFC 3339 timestamp in UTC")); }
        if (Text(o, "pattern_type") != "stix") { errors.Add(new FieldError(at + "/pattern_type", "must be \"stix\": Vigil shares STIX patterns only")); }
        var pattern = Text(o, "pattern");
        if (pattern is null || pattern.Length > AddPatterns.MaxPatternLength)
        {
            errors.Add(new FieldError(at + "/pattern", $"must be a string of at most {AddPatterns.MaxPatternLength} characters"));
        }
        else if (!PatternParser.TryParse(pattern, out _, out var error))
        {
            errors.Add(new FieldError(at + "/pattern", $"is not a STIX pattern: {error!.Message}"));
        }
    }

    internal static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool IsId(string id, string type) =>
        id.StartsWith(type + "--", StringComparison.Ordinal) && Guid.TryParseExact(id[(type.Length + 2)..], "D", out _);

    private static bool IsTimestamp(string? text) =>
        text is not null && TimestampPattern().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex TimestampPattern();
}
