namespace Vigil.Indicators.Stix;

/// <summary>A STIX <c>indicator</c>: a pattern that detects suspicious activity.</summary>
public sealed record StixIndicator : StixVersionedObject
{
    /// <inheritdoc />
    public override string Type => "indicator";

    /// <summary>A short name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>A longer description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The detection pattern.</summary>
    public required string Pattern { get; init; }

    /// <summary>The pattern language; <c>stix</c> for STIX patterns.</summary>
    public string PatternType { get; init; } = "stix";

    /// <summary>The version of the pattern language, if given.</summary>
    public string? PatternVersion { get; init; }

    /// <summary>From when the indicator is considered valid.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Until when the indicator is considered valid, if limited.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Categories from the indicator-type vocabulary, for example <c>malicious-activity</c>.</summary>
    public IReadOnlyList<string> IndicatorTypes { get; init; } = [];
}

/// <summary>A STIX <c>malware</c> object: a family or instance, such as Pegasus.</summary>
public sealed record StixMalware : StixVersionedObject
{
    /// <inheritdoc />
    public override string Type => "malware";

    /// <summary>The malware's name.</summary>
    public string? Name { get; init; }

    /// <summary>A description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>True for a family, false for one instance.</summary>
    public bool IsFamily { get; init; }

    /// <summary>Categories from the malware-type vocabulary, for example <c>spyware</c>.</summary>
    public IReadOnlyList<string> MalwareTypes { get; init; } = [];
}

/// <summary>A STIX <c>report</c>: a published collection of objects, named through <see cref="ObjectRefs"/>.</summary>
public sealed record StixReport : StixVersionedObject
{
    /// <inheritdoc />
    public override string Type => "report";

    /// <summary>The report's name.</summary>
    public required string Name { get; init; }

    /// <summary>A description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>When the report was published.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>Categories from the report-type vocabulary, for example <c>indicator</c>.</summary>
    public IReadOnlyList<string> ReportTypes { get; init; } = [];

    /// <summary>The objects the report collects.</summary>
    public required IReadOnlyList<string> ObjectRefs { get; init; }
}

/// <summary>A STIX <c>identity</c>: a person or organisation, such as the CERT publishing a bundle.</summary>
public sealed record StixIdentity : StixVersionedObject
{
    /// <inheritdoc />
    public override string Type => "identity";

    /// <summary>The identity's name.</summary>
    public required string Name { get; init; }

    /// <summary>For example <c>organization</c> or <c>individual</c>.</summary>
    public string? IdentityClass { get; init; }

    /// <summary>How to reach the identity, if given.</summary>
    public string? ContactInformation { get; init; }
}
