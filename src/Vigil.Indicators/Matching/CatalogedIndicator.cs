namespace Vigil.Indicators.Matching;

/// <summary>An indicator as the matcher holds it: what it is, where it comes from, and whether it can be matched.</summary>
public sealed record CatalogedIndicator
{
    /// <summary>The STIX id of the indicator.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name, if it has one.</summary>
    public string? Name { get; init; }

    /// <summary>The pattern as written.</summary>
    public required string Pattern { get; init; }

    /// <summary>The collections the indicator belongs to: malware it indicates, reports that list it.</summary>
    public IReadOnlyList<IndicatorCollection> Collections { get; init; } = [];

    /// <summary>Why the indicator cannot be matched (or can only be matched in part); empty when fully supported.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when every part of the pattern is matched.</summary>
    public bool IsSupported => Problems.Count == 0;
}

/// <summary>A collection an indicator belongs to, named by a malware or report object.</summary>
/// <param name="Id">The STIX id of the malware or report.</param>
/// <param name="Type">Its STIX type: <c>malware</c> or <c>report</c>.</param>
/// <param name="Name">Its name.</param>
public sealed record IndicatorCollection(string Id, string Type, string Name);
