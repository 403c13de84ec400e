using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// How many requests each caller may make in a window. Section "RateLimits"; each limit has <c>PermitLimit</c> and
/// <c>Window</c> (e.g. <c>--RateLimits:Heavy:PermitLimit=20</c>). An address is the client's own, or the one a
/// configured proxy forwarded (see <see cref="TrustedProxies"/>); IPv6 addresses count by their /64.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (API and page) per address: slows password guessing.</summary>
    public RateLimit SignIn { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Requests per signed-in user, on any endpoint: a stolen or runaway token cannot flood the server.</summary>
    public RateLimit TokenUse { get; set; } = new(1200, TimeSpan.FromMinutes(1));

    /// <summary>Reports and updates per user: each is a leaf of the log, kept for good.</summary>
    public RateLimit Submissions { get; set; } = new(60, TimeSpan.FromMinutes(1));

    /// <summary>Requests per address without a credential, on any endpoint.</summary>
    public RateLimit Anonymous { get; set; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>Requests per user or address to endpoints open to anyone that take large bodies ("am I affected?").</summary>
    public RateLimit Heavy { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Requests per address without a credential to endpoints open to anyone that build or search much: lists and
    /// searches, exports, feeds and directory listings, the API reference. A signed-in caller is held by its own budget.
    /// </summary>
    public RateLimit Costly { get; set; } = new(60, TimeSpan.FromMinutes(1));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in new[] { (nameof(SignIn), SignIn), (nameof(TokenUse), TokenUse), (nameof(Submissions), Submissions), (nameof(Anonymous), Anonymous), (nameof(Heavy), Heavy), (nameof(Costly), Costly) })
        {
            if (limit.PermitLimit < 1)
            {
                yield return new ValidationResult($"{Section}:{name}:PermitLimit must be at least 1.", [name]);
            }
            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult($"{Section}:{name}:Window must be from 00:00:01 to 1.00:00:00.", [name]);
            }
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public RateLimit()
    {
    }

    public RateLimit(int permitLimit, TimeSpan window) => (PermitLimit, Window) = (permitLimit, window);

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
