namespace Vigil.Domain.Notes;

/// <summary>
/// A note's life: a draft is edited freely and seen only by CERT staff; publication makes it version 1.0.0; each
/// revision after that is a new version with a summary of what changed; a withdrawal is a last revision that says so.
/// Nothing published is ever deleted: a withdrawn note stays readable with its whole history.
/// </summary>
public static class NoteWorkflow
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";

    /// <summary>Revision kinds, as the log and the history name them.</summary>
    public const string Publication = "note-publication";
    public const string Revision = "note-revision";
    public const string Withdrawal = "note-withdrawal";

    public static readonly IReadOnlyList<string> Significances = ["major", "minor", "patch"];

    /// <summary>
    /// The next version by CSAF's semantic versioning (section 3.1.11.5.2): publication is 1.0.0; a revision raises
    /// the major, minor or patch number as its significance says, resetting those after it.
    /// </summary>
    public static string NextVersion(string? current, string significance)
    {
        if (current is null)
        {
            return "1.0.0";
        }
        var parts = current.Split('.').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return significance switch
        {
            "major" => $"{parts[0] + 1}.0.0",
            "minor" => $"{parts[0]}.{parts[1] + 1}.0",
            "patch" => $"{parts[0]}.{parts[1]}.{parts[2] + 1}",
            _ => throw new ArgumentOutOfRangeException(nameof(significance), significance, "expected major, minor or patch"),
        };
    }
}
