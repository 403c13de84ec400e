using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>What the delivery tests do to the outbox: endpoints made through the API, messages put in as an event's producer would.</summary>
public static class Outbox
{
    public sealed record Endpoint(string Id, string Secret);

    public static async Task<Endpoint> CreateEndpointAsync(HttpClient client, string url, string? organisationId = null)
    {
        var body = new JsonObject { ["url"] = url, ["description"] = "SOC intake" };
        if (organisationId is not null)
        {
            body["organisation_id"] = organisationId;
        }
        var response = await client.PostJsonAsync("/api/v1/webhooks", body.ToJsonString());
        var answer = await response.JsonAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, answer.ToJsonString());
        return new Endpoint(answer["endpoint"]!["id"]!.GetValue<string>(), answer["secret"]!.GetValue<string>());
    }

    /// <summary>A message for the endpoint, stored as a producer stores it (in its own unit of work), and the dispatcher woken.</summary>
    public static async Task<Guid> AddAsync(VigilFactory factory, string endpointId, string? organisationId, string eventId, string? userId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var now = factory.Clock.GetUtcNow();
        var data = new JsonObject { ["incident_id"] = "INC-" + eventId, ["stage"] = "early_warning", ["due_at"] = "2026-11-30T16:00:00Z" };
        var message = NotificationOutbox.Add(db, new NotificationOutbox.Message(
            NotificationEvents.DeadlineDueSoon, eventId, NotificationChannels.Webhook, endpointId, data, now)
        {
            OrganisationId = organisationId,
            UserId = userId,
        }, now);
        await db.SaveChangesAsync();
        factory.Services.GetRequiredService<DispatchWakeup>().Wake();
        return message.Id;
    }

    public static async Task<OutboxMessage> ReadAsync(VigilFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<List<OutboxAttempt>> AttemptsAsync(VigilFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().OutboxAttempts.AsNoTracking()
            .Where(a => a.MessageId == id).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>
    /// Moves the server's clock on a step at a time (each wakes the dispatcher's poll, and makes a retry due) until the
    /// message satisfies <paramref name="done"/>; fails after many steps.
    /// </summary>
    public static async Task<OutboxMessage> UntilAsync(VigilFactory factory, Guid id, Func<OutboxMessage, bool> done, string what)
    {
        for (var step = 0; step < 400; step++)
        {
            var message = await ReadAsync(factory, id);
            if (done(message))
            {
                return message;
            }
            if (step % 5 == 4)
            {
                factory.Clock.Advance(DeliverySettings.Step);
            }
            await Task.Delay(20);
        }
        var last = await ReadAsync(factory, id);
        throw new Xunit.Sdk.XunitException($"The message never became {what}: it is {last.State} after {last.Attempts} tries ({last.LastError}).");
    }
}
