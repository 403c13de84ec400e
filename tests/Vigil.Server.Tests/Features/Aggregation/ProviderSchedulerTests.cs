using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// The scheduled job: a provider listed in the configuration (by its base URL) is followed and run when the server
/// starts, and again at each interval of the server's clock, which the test moves on; nothing waits for wall time
/// beyond the background work finishing.
/// </summary>
public sealed class ProviderSchedulerTests
{
    [Fact]
    public async Task A_configured_provider_is_run_at_start_and_again_after_each_interval()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        provider.Publish("white/2024/first.json", provider.Document("SCHEDULED-1"));
        provider.WriteText("white/index.txt", "2024/first.json\n");
        using var factory = new ConfiguredProviderFactory(provider.Address.AbsoluteUri);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var first = await WaitForRunsAsync(analyst.Client, 1);

        Assert.True(first["configured"]!.GetValue<bool>());
        Assert.Equal(provider.MetadataUrl.AbsoluteUri, first["url"]!.GetValue<string>());
        Assert.Equal("scheduled", first["last_run"]!["trigger"]!.GetValue<string>());
        Assert.Equal(1, first["last_run"]!["imported"]!.GetValue<int>());

        provider.Publish("white/2024/second.json", provider.Document("SCHEDULED-2"));
        provider.WriteText("white/index.txt", "2024/first.json\n2024/second.json\n");
        factory.Clock.Advance(ConfiguredProviderFactory.Interval);
        var second = await WaitForRunsAsync(analyst.Client, 2);

        Assert.Equal((1, 1), (second["last_run"]!["imported"]!.GetValue<int>(), second["last_run"]!["unchanged"]!.GetValue<int>()));
        var advisories = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray();
        Assert.All(advisories, a => Assert.Equal(first["id"]!.GetValue<long>(), a!["provider_id"]!.GetValue<long>()));
        Assert.Equal(["SCHEDULED-1", "SCHEDULED-2"], advisories.Select(a => a!["tracking_id"]!.GetValue<string>()).Order());
    }

    /// <summary>Polls until the provider's run count is reached: the runs happen on the server's background thread.</summary>
    private static async Task<JsonNode> WaitForRunsAsync(HttpClient client, int runs)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var providers = (await client.GetNodeAsync("/api/v1/advisories/providers")).AsArray();
            if (providers.Count == 1 && providers[0]!["last_run"] is not null)
            {
                var all = (await client.GetNodeAsync($"/api/v1/advisories/providers/{providers[0]!["id"]}/runs")).AsArray();
                if (all.Count >= runs)
                {
                    Assert.Equal(runs, all.Count);
                    return providers[0]!;
                }
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"the scheduler did not record {runs} run(s)");
    }

    private sealed class ConfiguredProviderFactory(string provider) : VigilFactory
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Aggregation:Providers:0", provider);
            builder.UseSetting("Aggregation:Interval", Interval.ToString());
            builder.UseSetting(LoopbackFollowerFactory.AllowPrivateNetworks, "true");
            // Moving the clock runs every due timer on the test's thread; the reminders' would only slow this test down.
            builder.UseSetting("Reminders:Enabled", "false");
        }
    }
}
