using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>
/// A file named in a submission's <c>attachments</c>: <c>{"sha256": "...", "name": "..."}</c>, the SHA-256 of an
/// uploaded file's plaintext and, optionally, the name it goes by on the incident. The record stores each with its
/// media type and size beside, so the hash of every file is committed with the submission that attached it.
/// </summary>
public static class AttachmentReference
{
    public const string Field = "attachments";
    public const string Sha256Member = "sha256", NameMember = "name", MediaTypeMember = "media_type", SizeMember = "size";
    public const int MaxNameLength = 255;
    public const int MaxPerSubmission = 100;

    /// <summary>Lower-case hexadecimal, 64 digits: the form files are stored and named under.</summary>
    public static bool IsSha256(string text) => text.Length == 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>
    /// Why a file name cannot be used, or null when it can: a name is one plain segment (never a path), of visible
    /// characters, so it cannot climb out of a folder or pose as another name when saved or shown (no control or
    /// invisible formatting characters such as right-to-left overrides).
    /// </summary>
    public static string? NameProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "must not be empty";
        }
        if (name.Length > MaxNameLength)
        {
            return $"must be at most {MaxNameLength} characters (it has {name.Length})";
        }
        if (name is "." or ".." || name.Contains('/') || name.Contains('\\'))
        {
            return "must be a file name, not a path ('/', '\\', '.' and '..' are not names)";
        }
        if (!IsVisibleText(name))
        {
            return "must not contain control, formatting or unassigned characters";
        }
        return null;
    }

    /// <summary>Reads the field strictly: at most 100 references, each hash once.</summary>
    public static void Read(JsonFieldReader r, JsonElement value, string pointer)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        r.Array(value, pointer, MaxPerSubmission, (item, at) => r.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
        {
            [Sha256Member] = (v, p) =>
            {
                var hash = r.String(v, p, 64);
                if (hash is not null && !IsSha256(hash))
                {
                    r.Fail(p, "must be the file's SHA-256 as 64 lower-case hexadecimal digits");
                }
                else if (hash is not null && !seen.Add(hash))
                {
                    r.Fail(p, "appears more than once");
                }
            },
            [NameMember] = (v, p) =>
            {
                var name = r.String(v, p, MaxNameLength);
                if (name is not null && NameProblem(name) is { } problem)
                {
                    r.Fail(p, problem);
                }
            },
        }, Sha256Member));
    }

    /// <summary>
    /// The fold's rule for this field: attachments accumulate. An update's list adds the files not yet attached, after
    /// those already there; a file attached again keeps its first entry. Null when nothing new is added.
    /// </summary>
    public static JsonArray? Accumulate(JsonNode? current, JsonNode? added)
    {
        var listed = current as JsonArray ?? [];
        var known = listed.Select(HashOf).ToHashSet(StringComparer.Ordinal);
        var fresh = (added as JsonArray ?? []).Where(a => known.Add(HashOf(a))).ToList();
        return fresh.Count == 0 ? null : [.. listed.Select(a => a?.DeepClone()), .. fresh.Select(a => a?.DeepClone())];
    }

    private static string HashOf(JsonNode? entry) =>
        entry?[Sha256Member] is JsonValue v && v.TryGetValue<string>(out var hash) ? hash : "";

    // Read by whole characters: a surrogate pair is one (an emoji, a rare script); a lone half is not text.
    private static bool IsVisibleText(string name)
    {
        var i = 0;
        while (i < name.Length)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out var used) != OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                    or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }
            i += used;
        }
        return true;
    }
}
