namespace Vigil.Domain.Sharing;

/// <summary>
/// The label of something derived from labelled things (an indicator in a collection): its own marking, the label of
/// the incident it was taken from (kept in step with it), and an analyst's decision, on the record, to release it
/// under a lower label. Without a release it is shared no more widely than the narrower of its marking and its source.
/// </summary>
public static class DerivedLabel
{
    /// <summary>The narrower of the marking and the source's label: what the thing may be shared as by default.</summary>
    public static string Derived(string marking, string? source) => source is null ? marking : TlpLabel.MostRestrictive(marking, source);

    /// <summary>The label it is read and shared under: the released label if any, else <see cref="Derived"/>.</summary>
    public static string Effective(string marking, string? source, string? released) => released ?? Derived(marking, source);

    /// <summary>
    /// Whether an analyst may release it under <paramref name="label"/>: a release lowers (or confirms) the derived
    /// label, it never narrows it (narrowing the collection, or taking the indicator out, does that).
    /// </summary>
    public static bool MayRelease(string label, string marking, string? source) => !TlpLabel.WouldWiden(label, Derived(marking, source));

    /// <summary>
    /// The release that still stands after the source is relabelled from <paramref name="oldSource"/> to
    /// <paramref name="newSource"/>: a release was decided for the source as it was, so when the source becomes more
    /// restrictive the release lapses and the thing is withheld under its new label until an analyst decides again.
    /// </summary>
    public static string? ReleaseAfterSourceChange(string? released, string? oldSource, string newSource) =>
        released is not null && (oldSource is null || TlpLabel.WouldWiden(newSource, oldSource)) ? null : released;
}
