namespace Vigil.Domain.Versions;

/// <summary>
/// A <c>vers</c> type's versions: which strings are versions, and their order. Each scheme is a separate
/// implementation because ecosystems order versions differently (1.2.0-rc.1 sorts before 1.2.0 in semver).
/// </summary>
public abstract class VersionScheme
{
    /// <summary>The <c>vers</c> type names this scheme answers to, the first being its own.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Why <paramref name="version"/> is not a version of this scheme, or null when it is one.</summary>
    public abstract string? Problem(string version);

    /// <summary>Orders two versions that <see cref="Problem"/> accepts: negative, zero or positive.</summary>
    public abstract int Compare(string left, string right);

    /// <summary>Versions equal under the scheme's rules (for semver, build metadata is ignored).</summary>
    public bool AreEqual(string left, string right) => Compare(left, right) == 0;
}
