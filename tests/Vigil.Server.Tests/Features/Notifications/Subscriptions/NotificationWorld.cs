using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

/// <summary>What the subscription tests repeat: an organisation registered as an admin does it, a subscription, the outbox.</summary>
public static class NotificationWorld
{
    /// <summary>Registers an organisation through the API (which gives it its default subscriptions); returns its id.</summary>
    public static async Task<string> OrganisationAsync(HttpClient admin, string contactEmail)
    {
        var response = await admin.PostJsonAsync("/api/v1/organisations", new JsonObject
        {
            ["name"] = "Org " + Guid.NewGuid().ToString("N"), ["sector"] = "telecommunications", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "A. Sharma", ["email"] = contactEmail },
        }.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> SubscribeAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostJsonAsync("/api/v1/subscriptions", body.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Every outbox row, read as Vigil itself reads (no caller).</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(IServiceProvider services, string? eventType = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => eventType == null || m.EventType == eventType).ToListAsync();
        return [.. rows.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    public static JsonObject Data(OutboxMessage message) => JsonNode.Parse(message.Payload)!.AsObject();
}
