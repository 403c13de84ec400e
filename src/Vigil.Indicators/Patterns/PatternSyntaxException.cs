namespace Vigil.Indicators.Patterns;

/// <summary>Thrown when a pattern does not follow the STIX pattern grammar.</summary>
public sealed class PatternSyntaxException : Exception
{
    /// <summary>Creates the exception for a problem found at <paramref name="position"/>.</summary>
    /// <param name="reason">What is wrong.</param>
    /// <param name="position">The zero-based character offset in the pattern.</param>
    public PatternSyntaxException(string reason, int position)
        : base($"{reason} (at offset {position})")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The zero-based character offset in the pattern where the problem was found.</summary>
    public int Position { get; }
}
