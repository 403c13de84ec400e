using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Aggregation;

/// <summary>Section "Aggregation": the CSAF providers Vigil follows, and how often and how carefully it fetches from them.</summary>
public sealed class AggregationOptions : IValidatableObject
{
    public const string Section = "Aggregation";

    /// <summary>Providers to follow besides those analysts add: each a provider-metadata.json URL, or a domain or base URL.</summary>
    public List<string> Providers { get; set; } = [];

    /// <summary>False stops the scheduled runs; runs asked for through the API still happen.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one request to a provider may take, headers and body.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many documents one run downloads at most (unchanged ones, known by their published hash, do not count).</summary>
    [Range(1, 1_000_000)]
    public int MaxDocumentsPerRun { get; set; } = 5000;

    /// <summary>
    /// True lets Vigil connect to providers on loopback, private, link-local and other non-public addresses: for a
    /// CERT that follows providers on its own network. False (the default) refuses them, redirects included.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (provider, i) in Providers.Select((p, i) => (p, i)))
        {
            if (ProviderLocator.Candidate(provider) is null)
            {
                yield return new ValidationResult($"Aggregation:Providers:{i} is not an http(s) URL or a domain.", [nameof(Providers)]);
            }
        }
    }
}
