using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notifications.Subscriptions;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>
/// Issue 16, the whole path with nothing configured by the organisation: an analyst's request for information is
/// written to the outbox with the request, the dispatcher hands it to the e-mail channel, and the organisation's
/// point of contact receives it at a real SMTP server, by its default subscription.
/// </summary>
public sealed class RequestMailThroughDispatcherTests : IDisposable
{
    private readonly SmtpServerProcess _smtp = new();

    [Fact]
    public async Task A_request_for_information_reaches_the_point_of_contact_by_mail_without_any_subscription_set_up()
    {
        using var factory = new MailFactory(_smtp);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var contact = $"desk-{Guid.NewGuid():N}@rfi-mail.example";
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, contact);
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var incident = await reporter.Client.FileAsync(Api.Report());

        var due = (factory.Clock.GetUtcNow() + TimeSpan.FromHours(6)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var opened = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{incident}/requests", $$"""{"question": "Which handsets were targeted?", "due_at": "{{due}}"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        factory.Services.GetRequiredService<DispatchWakeup>().Wake();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_smtp.MessagesTo(contact).Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            factory.Services.GetRequiredService<DispatchWakeup>().Wake();
        }
        var mail = Assert.Single(_smtp.MessagesTo(contact));
        Assert.Contains(incident, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Which handsets were targeted?", mail.TextBody, StringComparison.Ordinal);
        // The dispatcher records the outcome just after the relay took the mail.
        Vigil.Data.Entities.OutboxMessage delivered;
        do
        {
            delivered = Assert.Single(await NotificationWorld.OutboxAsync(factory.Services, Vigil.Server.Features.Notifications.NotificationEvents.RequestOpened),
                m => m.Destination == contact);
            await Task.Delay(50);
        }
        while (delivered.State != "delivered" && waited.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal("delivered", delivered.State);
        Assert.Equal($"{delivered.Id:N}@cert.example.org", mail.MessageId);
    }

    public void Dispose() => _smtp.Dispose();
}
