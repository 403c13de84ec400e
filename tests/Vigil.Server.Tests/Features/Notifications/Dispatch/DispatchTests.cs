using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notifications.Webhooks;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Dispatch;

/// <summary>
/// Issue 16's delivery: a real receiver on loopback, the server's clock moved on between tries. A receiver that fails
/// three times gets the message a fourth time and it is delivered; one that always fails ends dead, and "send again"
/// delivers it once the receiver recovers. Every try carries the same webhook-id and enters the attempt history.
/// </summary>
public abstract class DispatchTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_receiver_that_fails_three_times_gets_the_message_once_more_and_it_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 3 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);

        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        var message = await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Delivered, "delivered");

        Assert.Equal(4, message.Attempts);
        Assert.NotNull(message.DeliveredAt);
        Assert.Null(message.LeaseOwner);
        Assert.Equal(4, receiver.All.Count);
        Assert.All(receiver.All, r => Assert.Equal(id.ToString(), r.Id));
        var history = await Outbox.AttemptsAsync(factory, id);
        Assert.Equal(["failed", "failed", "failed", "delivered"], history.Select(a => a.Outcome));
        Assert.Equal([503, 503, 503, 204], history.Select(a => a.StatusCode ?? 0));
        Assert.Contains("503", history[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_always_fails_ends_dead_and_send_again_delivers_it_once_the_receiver_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => StatusCodes.Status500InternalServerError;
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);

        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        var dead = await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Dead, "dead");

        Assert.Equal(5, dead.Attempts);
        Assert.Equal(5, receiver.All.Count);
        Assert.Equal("dead", (await Outbox.AttemptsAsync(factory, id)).Last().Outcome);
        // Dead stays dead: time passing brings no further try.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);
        Assert.Equal(5, receiver.All.Count);

        receiver.Answer = _ => StatusCodes.Status200OK;
        var resent = await reporter.Client.PostAsync($"/api/v1/notifications/deliveries/{id}/resend", null);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        var delivered = await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Delivered, "delivered");

        Assert.Equal(6, receiver.All.Count);
        Assert.All(receiver.All, r => Assert.Equal(id.ToString(), r.Id));
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(6, (await Outbox.AttemptsAsync(factory, id)).Count);
        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().RecordEvents.AsNoTracking()
            .Where(e => e.Kind == "notification-resent" && e.ObjectId == id.ToString()).ToListAsync();
        Assert.Equal(reporter.UserId, Assert.Single(events).ActorId);
    }

    [Fact]
    public async Task Gone_is_dead_at_once_and_a_retry_after_is_waited_for()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status410Gone;
        receiver.AnswerHeaders["Retry-After"] = "25";
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);

        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        Assert.True(await receiver.ReceivedAsync(1));
        var waiting = await Outbox.UntilAsync(factory, id, m => m.Attempts == 1, "tried once");
        Assert.Equal(OutboxStates.Pending, waiting.State);
        Assert.True(waiting.NextAttemptAt - waiting.LastAttemptAt >= TimeSpan.FromSeconds(25), $"tried again after {waiting.NextAttemptAt - waiting.LastAttemptAt}");

        var dead = await Outbox.UntilAsync(factory, id, m => m.State == OutboxStates.Dead, "dead");
        // Dead at the first 410: the receiver heard the 429's try and one more, never a third. (A try that did not reach
        // the receiver, on a loaded machine, counts as an attempt but is not a 410.)
        Assert.Equal(2, receiver.All.Count);
        Assert.True(dead.Attempts >= 2, $"{dead.Attempts} attempts");
        Assert.Contains("410", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => StatusCodes.Status307TemporaryRedirect;
        receiver.AnswerHeaders["Location"] = "/elsewhere";
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);

        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        var tried = await Outbox.UntilAsync(factory, id, m => m.Attempts == 1, "tried once");

        Assert.Equal(OutboxStates.Pending, tried.State);
        Assert.Contains("redirect", tried.LastError, StringComparison.Ordinal);
        Assert.Single(receiver.All);
    }
}

public sealed class DispatchOnSqliteTests(DeliveryFactory factory) : DispatchTests<DeliveryFactory>(factory);

public sealed class DispatchOnPostgresTests(DeliveryPostgresFactory factory) : DispatchTests<DeliveryPostgresFactory>(factory);
