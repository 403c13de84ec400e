using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Issue 15, "anonymous heavy endpoints are limited": every endpoint a caller without a credential can reach either
/// has a rate-limit policy of its own (its cost decided it: "heavy" for work on a body the caller sends, "costly" for
/// lists, searches, exports, feeds and the API reference), or is cheap and stays under the global limit per address
/// alone; the cheap ones are listed here with the reason, as docs/operations.md lists them.
/// </summary>
public sealed class AnonymousCostTests
{
    private static readonly Dictionary<string, string> Cheap = new()
    {
        ["GET /"] = "the home page: a few counts",
        ["POST /"] = "the home page: a few counts",
        ["GET /check"] = "a fixed guide with one example collection",
        ["POST /check"] = "a fixed guide with one example collection",
        ["GET /healthz"] = "a database ping, for the proxy and the orchestrator",
        ["GET /_framework/opaque-redirect"] = "the framework's redirect helper: no content",
        ["POST /preferences/language"] = "sets a cookie",
        ["GET /log"] = "the latest checkpoint and a few recent leaves",
        ["POST /log"] = "the latest checkpoint and a few recent leaves",
        ["GET /log/entries"] = "one leaf, by index",
        ["POST /log/entries"] = "one leaf, by index",
        ["GET /log/entries/{index:long}"] = "one leaf, by index",
        ["POST /log/entries/{index:long}"] = "one leaf, by index",
        ["GET /notes/{id}"] = "one note",
        ["POST /notes/{id}"] = "one note",
        ["GET /ledger/checkpoint"] = "one row; monitors and witnesses poll it",
        ["GET /ledger/key"] = "held in memory",
        ["GET /ledger/witnesses"] = "held in memory",
        ["GET /ledger/entries/{index:long}"] = "one row",
        ["GET /ledger/tile/{**path}"] = "at most 256 stored hashes in one query; a full tile is immutable and cached by proxies",
        ["GET /ledger/proof/inclusion"] = "O(log n) stored hashes in one query",
        ["GET /ledger/proof/consistency"] = "O(log n) stored hashes in one query",
        ["GET /.well-known/security.txt"] = "fixed text",
        ["GET /.well-known/csaf/provider-metadata.json"] = "fixed metadata and one aggregate",
        ["GET /.well-known/csaf/openpgp/{file}"] = "the key, held in memory",
        ["GET /.well-known/csaf/{directory}/{year:int}/{file}"] = "one stored document, what aggregators mirror",
        ["GET /.well-known/csaf-aggregator/{folder}/openpgp/{file}"] = "one stored key",
        ["GET /.well-known/csaf-aggregator/{folder}/white/{year:int}/{file}"] = "one stored document, what aggregators mirror",
        ["GET /api/v1/categories"] = "fixed",
        ["GET /api/v1/regimes"] = "held in memory",
        ["GET /api/v1/incidents/{id}"] = "one incident",
        ["GET /api/v1/incidents/{id}/submissions/{sequence:int}"] = "one submission",
        ["GET /api/v1/notes/{id}"] = "one note",
        ["GET /api/v1/notes/{id}/revisions/{sequence:int}"] = "one revision",
        ["GET /api/v1/advisories/{id:long}"] = "one advisory's summary",
    };

    [Fact]
    public void Every_endpoint_open_to_anyone_has_a_limit_suited_to_its_cost()
    {
        using var factory = new VigilFactory();
        var open = OpenRoutes(factory.Services);
        var unlimited = open.Where(r => r.Policy is null && !Cheap.ContainsKey(r.Route)).Select(r => r.Route).ToList();
        Assert.True(unlimited.Count == 0, "Open to anyone with no limit of its own, and not listed as cheap: " + string.Join("; ", unlimited));
        var stale = Cheap.Keys.Where(route => !open.Any(r => r.Route == route && r.Policy is null)).ToList();
        Assert.True(stale.Count == 0, "Listed as cheap, but no longer an open route without a limit of its own: " + string.Join("; ", stale));
    }

    [Fact]
    public async Task An_anonymous_caller_hammering_costly_reads_gets_429_while_another_address_is_served()
    {
        var server = new RunningServer { ExtraArguments = ["--Proxies:Known:0=127.0.0.1", "--RateLimits:Costly:PermitLimit=3", "--RateLimits:Costly:Window=01:00:00"] };
        await server.InitializeAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            Task<HttpResponseMessage> Get(string path, string forwardedFor)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("X-Forwarded-For", forwardedFor);
                return client.SendAsync(request);
            }

            Assert.Equal(HttpStatusCode.OK, (await Get("/openapi/v1.json", "203.0.113.7")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Get("/api/v1/notes?q=tls", "203.0.113.7")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Get("/notes/feed.atom", "203.0.113.7")).StatusCode);
            var refused = await Get("/openapi/v1.json", "203.0.113.7");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("urn:vigil:problem:rate-limited", (await refused.JsonAsync())["type"]!.GetValue<string>());
            Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);

            Assert.Equal(HttpStatusCode.OK, (await Get("/openapi/v1.json", "203.0.113.8")).StatusCode);
            // The cheap reads stay open to the refused address, under the global limit alone.
            Assert.Equal(HttpStatusCode.OK, (await Get("/api/v1/categories", "203.0.113.7")).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // Page sessions are read by the pages' policies, after the limiter: without reading them first, a signed-in
    // reader of the costly pages counted as its address, which a whole office behind one NAT may share.
    [Fact]
    public async Task A_signed_in_page_reader_counts_as_itself_not_as_its_address()
    {
        using var factory = new CostlyFactory(permits: 2);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/notes")).StatusCode);

        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reader = await PageReader.SignInAsync(factory, analyst.Token);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/notes")).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync("/api/v1/notes")).StatusCode);

        // The API takes no session cookie as a credential: with one, a costly API read is still the address's.
        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notes");
        withCookie.Headers.Add("Cookie", reader.Cookies("en"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.Client.SendAsync(withCookie)).StatusCode);
    }

    private sealed class CostlyFactory(int permits) : VigilFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:Costly:PermitLimit", permits.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:Costly:Window", "01:00:00");
        }
    }

    /// <summary>Each route a caller without a credential may reach, with the rate-limit policy it names, if any.</summary>
    private static List<(string Route, string? Policy)> OpenRoutes(IServiceProvider services)
    {
        var routes = new List<(string, string?)>();
        foreach (var endpoint in services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
                || (policies.Count > 0 && policies.All(p => p is Policies.Public or Policies.OpenPages));
            if (!anonymous)
            {
                continue;
            }
            var limit = endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null
                ? endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName : null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not "HEAD" and not "OPTIONS"))
            {
                routes.Add(($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}", limit));
            }
        }
        return routes;
    }
}
