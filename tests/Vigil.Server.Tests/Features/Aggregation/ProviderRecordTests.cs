using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Provider = Vigil.Server.Tests.Features.Aggregation.ProviderFollowingTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class ProviderRecordOnSqliteTests(LoopbackFollowerFactory factory) : ProviderRecordTests<LoopbackFollowerFactory>(factory);

public sealed class ProviderRecordOnPostgresTests(LoopbackFollowerPostgresFactory factory) : ProviderRecordTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>Finding "every administrative change is on the record": following a provider and asking for a run are events.</summary>
public abstract class ProviderRecordTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Following_a_provider_and_asking_for_a_run_are_on_the_record_once_each()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        provider.Publish("white/2024/a.json", provider.Document("SP-REC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()));
        provider.WriteText("white/index.txt", "2024/a.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var id = await Provider.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        await Provider.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        var run = await Provider.RunAsync(analyst.Client, id);

        var events = (await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=provider&object_id={id}")).AsArray().Reverse().ToList();
        Assert.Equal(["provider-followed", "provider-run-requested"], events.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(analyst.UserId, e!["actor_id"]!.GetValue<string>()));
        Assert.Equal(provider.MetadataUrl.AbsoluteUri, events[0]!["details"]!["url"]!.GetValue<string>());
        var requested = events[1]!["details"]!;
        Assert.Equal(run["run"]!["id"]!.GetValue<long>(), requested["run_id"]!.GetValue<long>());
        Assert.Equal(1, requested["imported"]!.GetValue<int>());
        Assert.True(events[1]!["leaf_index"]!.GetValue<long>() > events[0]!["leaf_index"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_reporter_does_not_see_the_provider_events()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await Provider.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);

        Assert.Empty((await reporter.Client.GetNodeAsync($"/api/v1/events?object_kind=provider&object_id={id}")).AsArray());
        Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=provider&object_id={id}")).AsArray());
    }
}
