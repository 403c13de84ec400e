
namespace Vigil.Domain.Sharing;

/// <summary>FIRST Traffic Light Protocol 2.0 labels, as written on the wire ("TLP:" prefix optional).</summary>
public static class TlpLabel
{
    public const string Clear = "CLEAR";
    public const string Green = "GREEN";
    public const string Amber = "AMBER";
    public const string AmberStrict = "AMBER+STRICT";
    public const string Red = "RED";

    /// <summary>The label an incident carries when its reporter gives none.</summary>
    public const string Default = Amber;

    /// <summary>From the widest audience to the narrowest.</summary>
    public static readonly IReadOnlyList<string> All = [Clear, Green, Amber, AmberStrict, Red];

    public static bool IsValid(string label) => All.Contains(label, StringComparer.Ordinal);

    /// <summary>How far a label restricts sharing: CLEAR 0 up to RED 4; an unknown label counts as RED.</summary>
    public static int Restriction(string label) => All.IndexOf(label) is var i and >= 0 ? i : All.Count - 1;

    /// <summary>The narrower of two labels: what something derived from both may be shared as.</summary>
    public static string MostRestrictive(string a, string b) => Restriction(a) >= Restriction(b) ? a : b;

    /// <summary>The narrowest of several labels; <paramref name="floor"/> when there are none.</summary>
    public static string MostRestrictive(IEnumerable<string> labels, string floor = Clear) => labels.Aggregate(floor, MostRestrictive);

    /// <summary>Whether sharing something labelled <paramref name="label"/> under <paramref name="under"/> would widen its audience.</summary>
    public static bool WouldWiden(string label, string under) => Restriction(under) < Restriction(label);

    /// <summary>The TLP 2.0 label for a CSAF 2.0 (TLP 1.0) label: WHITE is CLEAR; none is AMBER (the publisher did not say it may go further).</summary>
    public static string FromCsaf(string? csafLabel) => csafLabel switch
    {
        "WHITE" => Clear,
        "GREEN" => Green,
        "RED" => Red,
        _ => Amber,
    };

    private static int IndexOf(this IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
