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

    public static readonly IReadOnlyList<string> All = [Clear, Green, Amber, AmberStrict, Red];

    public static bool IsValid(string label) => All.Contains(label, StringComparer.Ordinal);
}
