using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Aggregation;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class FetchGuardOnSqliteTests(VigilFactory factory) : FetchGuardTests<VigilFactory>(factory);

public sealed class FetchGuardOnPostgresTests(PostgresVigilFactory factory) : FetchGuardTests<PostgresVigilFactory>(factory);

/// <summary>
/// By default Vigil connects to providers on public addresses only, so a provider cannot use it to reach the CERT's
/// own network: a provider on loopback, named by its address or by a name, is refused before any connection is made,
/// and the reason says so without any connection error text.
/// </summary>
public abstract class FetchGuardTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Following_a_provider_on_loopback_is_refused_without_connecting(string host)
    {
        var requests = 0;
        await using var provider = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var url = new UriBuilder(provider.Address) { Host = host, Path = "/.well-known/csaf/provider-metadata.json" }.Uri;
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await analyst.Client.PostJsonAsync("/api/v1/advisories/providers", new JsonObject { ["url"] = url.AbsoluteUri }.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("No CSAF provider found there", problem["title"]!.GetValue<string>());
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("/url", error["pointer"]!.GetValue<string>());
        Assert.Equal($"refused to connect to {host}: its address is not public", error["detail"]!.GetValue<string>());
        Assert.Equal(0, Volatile.Read(ref requests));
    }
}

/// <summary>
/// Each connection is checked, not only the first URL: a provider that redirects to the cloud metadata address is
/// refused there. The provider runs on loopback, so this test lets 127.0.0.1 stand for a public address and judges
/// every other address as Vigil does.
/// </summary>
public sealed class FetchGuardRedirectTests
{
    [Fact]
    public async Task A_redirect_to_a_non_public_address_is_refused_at_connect()
    {
        var requests = 0;
        await using var provider = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.Redirect("http://169.254.169.254/latest/meta-data/provider-metadata.json");
            return Task.CompletedTask;
        });
        using var handler = ProviderConnections.CreateHandler(a => a.Equals(IPAddress.Loopback) || PublicAddress.IsPublic(a));
        var fetcher = new ProviderFetcher(new OneHandlerClients(handler), Options.Create(new AggregationOptions()));

        var fetched = await fetcher.GetAsync(new Uri(provider.Address, "/provider-metadata.json"), ProviderFetcher.MaxMetadataBytes, CancellationToken.None);

        Assert.Equal((null, 0), (fetched.Body, fetched.Status));
        Assert.Equal("refused to connect to 169.254.169.254: its address is not public", fetched.Problem);
        Assert.Equal(1, Volatile.Read(ref requests));
    }

    private sealed class OneHandlerClients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
