using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>
/// The e-mail channel against a real SMTP server process: what arrives (recipients, subject, text and HTML parts,
/// headers), in which language, what a note's mail carries, the unsubscribe link, and how refusals are told apart.
/// </summary>
public sealed class EmailChannelTests(EmailChannelTests.Relay relay) : IClassFixture<EmailChannelTests.Relay>
{
    public sealed class Relay : IDisposable
    {
        public Relay()
        {
            Smtp = new SmtpServerProcess();
            Factory = new MailFactory(Smtp);
        }

        public SmtpServerProcess Smtp { get; }

        public MailFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            Smtp.Dispose();
        }
    }

    private const string Deadline = """{"incident_id": "INC-2026-0042", "incident_title": "Relay servers breached", "regime": "CERT-In 2022", "stage": "initial report", "due_at": "2026-11-30T16:00:00Z", "lead": "PT1H"}""";

    private MailFactory Factory => relay.Factory;

    [Fact]
    public async Task A_deadline_mail_arrives_for_its_recipient_with_text_and_html_parts_and_a_message_id_that_is_the_same_on_every_try()
    {
        var to = Address("soc");
        var (organisation, subscription) = await Factory.OrganisationSubscribedAsync(to, NotificationEvents.DeadlineDueSoon);
        var message = Factory.Message(NotificationEvents.DeadlineDueSoon, to, Deadline, organisationId: organisation, subscriptionId: subscription);

        Assert.True((await Factory.EmailChannel().DeliverAsync(message, CancellationToken.None)).Delivered);
        Assert.True((await Factory.EmailChannel().DeliverAsync(message, CancellationToken.None)).Delivered);

        var mails = relay.Smtp.MessagesTo(to);
        Assert.Equal(2, mails.Count);
        var mail = mails[0];
        Assert.Equal(to, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(MailFactory.From, Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal($"{message.Id:N}@cert.example.org", mail.MessageId);
        Assert.Equal(mail.MessageId, mails[1].MessageId);
        Assert.Contains("INC-2026-0042", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("initial report", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Stage: initial report", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 16:00 UTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Relay servers breached", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("CERT-In 2022", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{MailFactory.BaseUrl}/incidents/INC-2026-0042", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("deadline-due-soon.cert.example.org", mail.Headers["List-Id"] ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_click_unsubscribe_post_turns_the_subscription_off_once_and_on_the_record()
    {
        var to = Address("unsub");
        var (organisation, subscription) = await Factory.OrganisationSubscribedAsync(to, NotificationEvents.RequestOpened);
        var message = Factory.Message(NotificationEvents.RequestOpened, to, """{"incident_id": "INC-2026-0007", "sequence": 1, "question": "How many users?"}""",
            organisationId: organisation, subscriptionId: subscription);
        Assert.True((await Factory.EmailChannel().DeliverAsync(message, CancellationToken.None)).Delivered);
        var link = Assert.Single(relay.Smtp.MessagesTo(to)).Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith(MailFactory.BaseUrl + "/notifications/unsubscribe?", link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;
        using var client = Factory.CreateClient();

        // Following the link only asks: a scanner that opens links unsubscribes no one.
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(to, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await EnabledAsync(subscription));

        // A forged signature, or another subscription's number under this one's signature, finds nothing.
        var forged = path[..^4] + (path[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync(client, forged)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync(client, path.Replace($"s={subscription}", $"s={subscription + 1}", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OneClickAsync(client, "/notifications/unsubscribe")).StatusCode);
        Assert.True(await EnabledAsync(subscription));

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, path)).StatusCode);
        Assert.False(await EnabledAsync(subscription));
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, path)).StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var recorded = await db.RecordEvents.Where(e => e.Kind == "subscription-disabled" && e.ObjectId == subscription.ToString()).ToListAsync();
        Assert.Equal(organisation, Assert.Single(recorded).OrganisationId);
    }

    [Fact]
    public async Task A_mail_whose_locale_is_hindi_is_written_in_hindi()
    {
        var to = Address("hindi");
        var message = Factory.Message(NotificationEvents.DeadlineOverdue, to, Deadline, locale: "hi");
        Assert.True((await Factory.EmailChannel().DeliverAsync(message, CancellationToken.None)).Delivered);
        var mail = Assert.Single(relay.Smtp.MessagesTo(to));
        Assert.Contains("समय-सीमा बीत गई", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("चरण: initial report", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"hi\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Stage", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_mail_carries_the_published_notes_countermeasures_products_and_cve_ids()
    {
        var analyst = await Factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        await analyst.Client.PublishNoteAsync(id);
        var to = Address("note");
        var message = Factory.Message(NotificationEvents.NotePublished, to, new JsonObject { ["note_id"] = id, ["revision"] = 1 }.ToJsonString());

        Assert.True((await Factory.EmailChannel().DeliverAsync(message, CancellationToken.None)).Delivered);

        var mail = Assert.Single(relay.Smtp.MessagesTo(to));
        Assert.Contains(id, mail.Subject, StringComparison.Ordinal);
        foreach (var part in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("Upgrade WhatsApp to the latest version from the official app store.", part, StringComparison.Ordinal);
            Assert.Contains("CVE-2019-3568", part, StringComparison.Ordinal);
            Assert.Contains("WhatsApp for Android", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_note_that_is_not_public_is_not_mailed_from_the_database_and_the_failure_is_final()
    {
        var analyst = await Factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568(tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(id);
        var to = Address("amber");
        var outcome = await Factory.EmailChannel().DeliverAsync(
            Factory.Message(NotificationEvents.NotePublished, to, new JsonObject { ["note_id"] = id }.ToJsonString()), CancellationToken.None);
        Assert.False(outcome.Delivered);
        Assert.True(outcome.Permanent);
        Assert.Empty(relay.Smtp.MessagesTo(to));
    }

    [Fact]
    public async Task Confidential_words_reach_the_organisations_own_contact_and_not_another_address()
    {
        var contact = Address("contact");
        var (organisation, _) = await Factory.OrganisationSubscribedAsync(contact, NotificationEvents.RequestOpened);
        var outsider = Address("outsider");
        const string Payload = """{"incident_id": "INC-2026-0009", "sequence": 2, "question": "Which relay hosts were reached?", "incident_title": "Relay servers breached"}""";
        foreach (var to in new[] { contact, outsider })
        {
            var outcome = await Factory.EmailChannel().DeliverAsync(
                Factory.Message(NotificationEvents.RequestOpened, to, Payload, organisationId: organisation), CancellationToken.None);
            Assert.True(outcome.Delivered, outcome.Error);
        }
        Assert.Contains("Which relay hosts were reached?", Assert.Single(relay.Smtp.MessagesTo(contact)).TextBody, StringComparison.Ordinal);
        var outside = Assert.Single(relay.Smtp.MessagesTo(outsider));
        Assert.Contains("INC-2026-0009", outside.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Which relay hosts", outside.TextBody + outside.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Relay servers breached", outside.TextBody + outside.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_shows_each_gathered_event_as_its_own_template_writes_it()
    {
        var to = Address("digest");
        var payload = new JsonObject
        {
            ["period"] = "daily",
            ["day"] = "2026-11-29",
            ["events"] = new JsonArray(
                new JsonObject { ["type"] = NotificationEvents.DeadlineDueSoon, ["data"] = JsonNode.Parse(Deadline) },
                new JsonObject
                {
                    ["type"] = NotificationEvents.NotePublished,
                    ["data"] = new JsonObject { ["note_id"] = "VIGN-2026-0003", ["title"] = "Router firmware", ["countermeasures"] = "Update the firmware to 1.4.2." },
                }),
        };
        var outcome = await Factory.EmailChannel().DeliverAsync(Factory.Message("digest", to, payload.ToJsonString()), CancellationToken.None);
        Assert.True(outcome.Delivered, outcome.Error);
        var mail = Assert.Single(relay.Smtp.MessagesTo(to));
        Assert.Contains("2026-11-29", mail.Subject, StringComparison.Ordinal);
        foreach (var part in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("INC-2026-0042", part, StringComparison.Ordinal);
            Assert.Contains("VIGN-2026-0003", part, StringComparison.Ordinal);
            Assert.Contains("Update the firmware to 1.4.2.", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_recipient_is_final_and_a_busy_one_is_tried_again()
    {
        var refused = await Factory.EmailChannel().DeliverAsync(
            Factory.Message(NotificationEvents.IncidentStatusChanged, "refuse-me@example.org", """{"incident_id": "INC-1", "from": "received", "to": "triaged"}"""),
            CancellationToken.None);
        Assert.False(refused.Delivered);
        Assert.True(refused.Permanent);
        Assert.Contains("550", refused.Error, StringComparison.Ordinal);

        var busy = await Factory.EmailChannel().DeliverAsync(
            Factory.Message(NotificationEvents.IncidentStatusChanged, "busy-now@example.org", """{"incident_id": "INC-1", "from": "received", "to": "triaged"}"""),
            CancellationToken.None);
        Assert.False(busy.Delivered);
        Assert.False(busy.Permanent);
        Assert.Contains("451", busy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_without_what_its_template_needs_is_final()
    {
        var outcome = await Factory.EmailChannel().DeliverAsync(
            Factory.Message(NotificationEvents.CollectionPublished, Address("collection"), """{"name": "Pegasus"}"""), CancellationToken.None);
        Assert.True(outcome.Permanent);
        Assert.Contains("collection_id", outcome.Error, StringComparison.Ordinal);
    }

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

    private async Task<bool> EnabledAsync(long subscription)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Subscriptions.Where(s => s.Id == subscription).Select(s => s.Enabled).SingleAsync();
    }
}
