using System.Text;

namespace Vigil.Domain.Versions;

/// <summary>
/// The <c>lexicographic</c> type: versions ordered by their UTF-8 bytes, without any Unicode normalisation.
/// Bytes rather than .NET's UTF-16 code units, because the two orders differ above U+FFFF.
/// </summary>
public sealed class LexicographicVersionScheme : VersionScheme
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = ["lexicographic"];

    /// <inheritdoc/>
    public override string? Problem(string version) => version.Length == 0 ? "A version is never empty." : null;

    /// <inheritdoc/>
    public override int Compare(string left, string right) =>
        Math.Sign(Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right)));
}
