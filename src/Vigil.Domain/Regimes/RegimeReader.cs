using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Geography;
using Vigil.Domain.Regimes.Files;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Regimes;

/// <summary>
/// Reads and validates one regime file. Anything wrong (a malformed document, a missing or unknown member, an
/// unknown clock event, calendar, zone or incident field, a negative duration, a stage running from a later stage)
/// throws a <see cref="RegimeFileException"/> naming the file and the member, so a bad file stops start-up.
/// </summary>
public static partial class RegimeReader
{
    private static readonly string[] Required = ["id", "name", "jurisdiction", "time_zone", "legal_reference", "sources", "stages"];
    private static readonly string[] Optional = ["status", "in_force_from", "in_force_until"];

    /// <param name="fileName">The file's name, used in error messages and checked against the id.</param>
    /// <param name="json">The file's text.</param>
    public static Regime Read(string fileName, string json)
    {
        var file = new RegimeJson(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw file.Fail(JsonPointer.Root, $"is not valid JSON: {e.Message}");
        }
        using (document)
        {
            return Read(file, document.RootElement);
        }
    }

    private static Regime Read(RegimeJson file, JsonElement root)
    {
        var at = JsonPointer.Root;
        file.Members(root, at, Required, Optional);
        var id = file.String(root, "id", at);
        if (!IdPattern().IsMatch(id))
        {
            throw file.Fail("/id", $"'{id}' is not a regime id (lower-case letters, digits, '-' and '.')");
        }
        if (Path.GetFileNameWithoutExtension(file.FileName) != id)
        {
            throw file.Fail("/id", $"'{id}' does not match the file name; name the file {id}.json");
        }
        var jurisdiction = file.String(root, "jurisdiction", at);
        if (jurisdiction != "EU" && !CountryCode.IsAssigned(jurisdiction))
        {
            throw file.Fail("/jurisdiction", $"'{jurisdiction}' is neither an ISO 3166-1 alpha-2 code nor EU");
        }
        var zoneId = file.String(root, "time_zone", at);
        TimeZoneInfo zone;
        try
        {
            zone = ZonedClock.Find(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            throw file.Fail("/time_zone", $"'{zoneId}' is not an IANA time zone");
        }
        var sources = file.Array(root, "sources", at, allowEmpty: false).Select(s => file.AbsoluteUrl(file.StringItem(s.Item, s.Pointer), s.Pointer));
        var stages = new List<RegimeStage>();
        foreach (var (item, pointer) in file.Array(root, "stages", at, allowEmpty: false))
        {
            stages.Add(StageReader.Read(file, item, pointer, stages));
        }
        return new Regime(id, file.String(root, "name", at), jurisdiction, zone,
            file.AbsoluteUrl(file.String(root, "legal_reference", at), "/legal_reference"), [.. sources],
            file.OptionalString(root, "status", at), stages)
        {
            InForce = ReadInForce(file, root),
        };
    }

    /// <summary>
    /// <c>in_force_from</c>: a date (YYYY-MM-DD), or null for a rule with no date in force yet (a proposed rule); absent,
    /// the regime is taken as always in force. <c>in_force_until</c>: the last day it applies, if it has ended.
    /// </summary>
    private static InForce ReadInForce(RegimeJson file, JsonElement root)
    {
        if (!root.TryGetProperty("in_force_from", out var from))
        {
            return root.TryGetProperty("in_force_until", out _)
                ? throw file.Fail("/in_force_until", "needs in_force_from beside it")
                : InForce.Always;
        }
        var until = root.TryGetProperty("in_force_until", out _) ? file.Date(root, "in_force_until", JsonPointer.Root) : (DateOnly?)null;
        if (from.ValueKind == JsonValueKind.Null)
        {
            return until is null ? InForce.NotYet : throw file.Fail("/in_force_until", "cannot end a rule that has no date in force");
        }
        var start = file.Date(root, "in_force_from", JsonPointer.Root);
        return until is { } end && end < start
            ? throw file.Fail("/in_force_until", $"{end:yyyy-MM-dd} is before in_force_from {start:yyyy-MM-dd}")
            : new InForce(start, until);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex IdPattern();
}
