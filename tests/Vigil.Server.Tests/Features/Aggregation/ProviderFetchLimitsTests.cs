using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class ProviderFetchLimitsOnSqliteTests(VigilFactory factory) : ProviderFetchLimitsTests<VigilFactory>(factory);

public sealed class ProviderFetchLimitsOnPostgresTests(PostgresVigilFactory factory) : ProviderFetchLimitsTests<PostgresVigilFactory>(factory);

/// <summary>
/// A provider that sends its body a byte at a time for ever is cut off at the request timeout: the timeout covers the
/// body as well as the headers, so no provider can hold a run (and every later run of it) open.
/// </summary>
public abstract class ProviderFetchLimitsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string Providers = "/api/v1/advisories/providers";

    [Fact]
    public async Task A_provider_that_trickles_its_body_is_cut_off_at_the_request_timeout()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var provider = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(200, context.RequestAborted);
            }
        });
        using var server = Short(factory);
        var analyst = await AnalystAsync(server);
        var watch = Stopwatch.StartNew();

        var response = await analyst.PostAsync(Providers, Json(new Uri(provider.Address, "/provider-metadata.json")));

        watch.Stop();
        await stop.CancelAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("timed out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the follow took {watch.Elapsed}");
    }

    private static WebApplicationFactory<Program> Short(TFactory factory) =>
        factory.WithWebHostBuilder(b => b.UseSetting("Aggregation:RequestTimeout", "00:00:02").UseSetting("Aggregation:Enabled", "false")
            .UseSetting(LoopbackFollowerFactory.AllowPrivateNetworks, "true"));

    private static async Task<HttpClient> AnalystAsync(WebApplicationFactory<Program> server)
    {
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);
        var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(90);
        client.DefaultRequestHeaders.Authorization = new("Bearer", analyst.Token);
        return client;
    }

    private static StringContent Json(Uri url) =>
        new(new JsonObject { ["url"] = url.AbsoluteUri }.ToJsonString(), Encoding.UTF8, "application/json");
}
