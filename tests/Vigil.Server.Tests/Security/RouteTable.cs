using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>One route of the running app, as the matrix calls it: a method, a pattern, and the policy it declares.</summary>
/// <param name="TakesForm">A page's form post (or an endpoint that reads a form) rather than a JSON body.</param>
public sealed record RouteEntry(string Method, string Pattern, string? Policy, bool AllowsAnonymous, bool TakesForm = false)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Every endpoint of the running app, read from its route table (not from a list kept by hand).</summary>
public static class RouteTable
{
    public static IReadOnlyList<RouteEntry> Read(VigilFactory factory) => Read(factory.Services);

    public static IReadOnlyList<RouteEntry> Read(IServiceProvider services)
    {
        var sources = services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var entries = new List<RouteEntry>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var form = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("form", StringComparison.Ordinal)) == true;
            foreach (var method in methods.Where(m => m != "HEAD" && m != "OPTIONS"))
            {
                entries.Add(new RouteEntry(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), policies.Count == 0 ? null : string.Join("+", policies), anonymous, form));
            }
        }
        return [.. entries.DistinctBy(e => (e.Method, e.Pattern)).OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }
}
