using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// The headers every response carries, set in one place just before it starts: a Content-Security-Policy (the
/// endpoint's own, <see cref="WithContentSecurityPolicy"/>, or one that allows nothing), no sniffing, no framing, no
/// referrer, HSTS over HTTPS, and "private, no-store" for anything answered to a request that carried a credential.
/// A header an endpoint set itself is kept when it is at least as strict (the reporter pages set their own).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For JSON, text and errors: nothing may load, run or frame it.</summary>
    public const string NothingPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>A year; without includeSubDomains, which is the operator's decision for the whole domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public const string CredentialedCacheControl = "private, no-store";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    });

    /// <summary>Gives an endpoint (or a group) a policy of its own, for pages that load their own style or script.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContentSecurityPolicy(policy));

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Policy ?? NothingPolicy;
        }
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        if (string.IsNullOrEmpty(headers["Referrer-Policy"]))
        {
            headers["Referrer-Policy"] = "no-referrer";
        }
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
        if (CarriedCredential(context) && !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = CredentialedCacheControl;
            headers.Remove("Expires");
        }
        headers.Remove("Server");
        return Task.CompletedTask;
    }

    // What was answered may depend on who asked; a token that failed still says this was someone's request.
    private static bool CarriedCredential(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || context.Request.Headers.Authorization.Count > 0
        || WebSessions.SecretOf(context.Request) is not null;

    private sealed record ContentSecurityPolicy(string Policy);
}
