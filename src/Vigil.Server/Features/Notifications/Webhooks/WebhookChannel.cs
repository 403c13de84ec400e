using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Aggregation;

namespace Vigil.Server.Features.Notifications.Webhooks;

/// <summary>
/// Delivers a message to a webhook endpoint: a POST of <c>{"type", "timestamp", "data"}</c> signed per Standard
/// Webhooks (<c>webhook-id</c> is the message's stable id, the same at every try). A 2xx answer delivers; 410 Gone,
/// a disabled or missing endpoint and an address that is not public are permanent; every other answer (429, 5xx,
/// other 4xx, a redirect, which is never followed) and a timeout are tried again, after Retry-After when given.
/// </summary>
public sealed class WebhookChannel(IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider clock)
    : INotificationChannel
{
    public const string ClientName = "webhooks";

    public string Name => NotificationChannels.Webhook;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        WebhookEndpoint? endpoint;
        await using (var scope = scopes.CreateAsyncScope())
        {
            endpoint = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().WebhookEndpoints.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == message.Destination, cancellationToken);
        }
        if (endpoint is not { Enabled: true })
        {
            return DeliveryOutcome.Failed(endpoint is null ? "no such webhook endpoint" : "the webhook endpoint was deleted", permanent: true);
        }
        var body = Body(message);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var id = message.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(id, timestamp, body, secrets.SigningKeys(endpoint)));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Outcome(response);
        }
        catch (Exception e) when (Refused(e) is { } refused)
        {
            return DeliveryOutcome.Failed(refused.Message, permanent: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed("the receiver did not answer in time");
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Failed("the receiver could not be reached: " + e.Message.Split('\n', 2)[0]);
        }
    }

    /// <summary>The bytes sent and signed: the event's type, when it happened, and its data as stored.</summary>
    public static byte[] Body(OutboxMessage message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", message.EventType);
            writer.WriteString("timestamp", message.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            using (var data = JsonDocument.Parse(message.Payload))
            {
                data.RootElement.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private DeliveryOutcome Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Success with { StatusCode = status };
        }
        var said = $"the receiver answered {status} {response.ReasonPhrase}".TrimEnd();
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            return DeliveryOutcome.Failed(said + ": the endpoint is gone", permanent: true) with { StatusCode = status };
        }
        if (status is >= 300 and < 400)
        {
            said += " (redirects are not followed: give the endpoint's final URL)";
        }
        return DeliveryOutcome.Failed(said, retryAfter: RetryAfter(response.Headers.RetryAfter)) with { StatusCode = status };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > clock.GetUtcNow() ? date - clock.GetUtcNow() : null,
        _ => null,
    };

    private static NonPublicAddressException? Refused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NonPublicAddressException refused)
            {
                return refused;
            }
        }
        return null;
    }
}
