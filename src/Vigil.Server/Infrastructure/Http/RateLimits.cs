using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// The framework's rate limiter, set up once: every request counts against its user (signed in) or its address (not),
/// and a few endpoints have a policy of their own on top (<see cref="SignIn"/>, <see cref="Submissions"/>,
/// <see cref="Heavy"/>, and <see cref="Costly"/> for callers without a credential). A refusal is 429 problem+json
/// with Retry-After. The limiter runs after authentication, so a request with a token that fails still counts against
/// its address before authorisation refuses it.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public const string Submissions = "submissions";

    public const string Heavy = "heavy";

    /// <summary>Reads open to anyone that build or search much; counted per address for callers without a credential only.</summary>
    public const string Costly = "costly";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => UserId(context) is { } user
                ? Partition("user:" + user, Limits(context).TokenUse)
                : Partition("address:" + Address(context), Limits(context).Anonymous));
            // Attempts count, not reading the form: the sign-in page answers GET and POST on one path.
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? Partition(Address(context), Limits(context).SignIn) : RateLimitPartition.GetNoLimiter("reading the form"));
            options.AddPolicy(Submissions, context => Partition(Caller(context), Limits(context).Submissions));
            options.AddPolicy(Heavy, context => Partition(Caller(context), Limits(context).Heavy));
            options.AddPolicy(Costly, context => UserId(context) is null
                ? Partition("address:" + Address(context), Limits(context).Costly) : RateLimitPartition.GetNoLimiter("signed in"));
        });
        return services;
    }

    /// <summary>
    /// The limiter, after reading the page session of a costly page's reader: authentication reads bearer tokens only
    /// (page sessions are read by the pages' policy, later), and a signed-in reader must count as itself, not as its
    /// address, which a whole office behind one NAT may share. Only where that policy would read the session anyway:
    /// the API never takes a session cookie as a credential.
    /// </summary>
    public static IApplicationBuilder UseVigilRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (context.User.Identity?.IsAuthenticated != true
                && endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Costly
                && endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == Policies.OpenPages)
                && await context.AuthenticateAsync(SessionAuthenticationHandler.SchemeName) is { Succeeded: true } session)
            {
                context.User = session.Principal;
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Partition(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static string? UserId(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static string Caller(HttpContext context) => UserId(context) is { } user ? "user:" + user : "address:" + Address(context);

    /// <summary>The client's address (the forwarded one behind a trusted proxy); an IPv6 client counts by its /64, which one holder has whole.</summary>
    private static string Address(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "urn:vigil:problem:rate-limited",
                Title = "Too many requests",
                Detail = $"Try again in {seconds} seconds.",
            },
        });
    }
}
