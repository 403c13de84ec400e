using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Server.Features.InboundMail;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.InboundMail;

public sealed class InboundMailOnSqliteTests(InboundMailSqliteFactory factory) : InboundMailTests<InboundMailSqliteFactory>(factory);

public sealed class InboundMailOnPostgresTests(InboundMailPostgresFactory factory) : InboundMailTests<InboundMailPostgresFactory>(factory);

/// <summary>Issue 16, reports that arrive by e-mail: a real SMTP conversation with the listener, then the analysts' queue.</summary>
public abstract class InboundMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, IInboundMailServer, new()
{
    private const string Root = "/api/v1/inbound-mail";

    [Fact]
    public async Task An_encrypted_mail_from_a_point_of_contact_becomes_a_draft_whose_confirmation_counts_from_the_arrival()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var (organisationId, contact) = await OrganisationAsync();
        var key = factory.Services.GetRequiredService<InboundMailKey>().EncryptionKey;
        var (mail, ciphertext) = MailSender.Encrypted(contact, "Spyware installed through VoIP calls",
            "Crafted RTCP packets in calls led to remote code execution. MARKER-" + organisationId, key);

        var before = factory.Clock.GetUtcNow();
        await MailSender.SendAsync(factory.SmtpPort, mail);
        var after = factory.Clock.GetUtcNow();

        var draft = await ByMessageIdAsync(analyst, mail.MessageId);
        Assert.Equal(InboundStates.Draft, draft["state"]!.GetValue<string>());
        Assert.Equal(organisationId, draft["organisation_id"]!.GetValue<string>());
        Assert.Equal(SenderMatch.ByContact, draft["matched_by"]!.GetValue<string>());
        Assert.True(draft["encrypted"]!.GetValue<bool>());
        Assert.True(draft["decrypted"]!.GetValue<bool>());
        var arrival = draft["received_at"]!.GetValue<DateTimeOffset>();
        Assert.InRange(arrival, before, after);
        var id = draft["id"]!.GetValue<string>();
        var detail = await analyst.Client.GetNodeAsync($"{Root}/{id}");
        Assert.Contains("MARKER-" + organisationId, detail["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The original is kept as it came, encrypted: the bytes sent, whose hash the arrival event committed to the log.
        var raw = await (await analyst.Client.GetAsync($"{Root}/{id}/raw")).Content.ReadAsByteArrayAsync();
        Assert.Equal(MailSender.WireBytes(mail), raw);
        Assert.DoesNotContain("MARKER-", MailSender.Utf8(raw), StringComparison.Ordinal);
        Assert.Equal(ciphertext, MailSender.EncryptedPayload(raw));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(raw));
        Assert.Equal(sha256, draft["sha256"]!.GetValue<string>());
        var arrived = await ArrivalEventAsync(id);
        Assert.Equal(sha256, JsonNode.Parse(arrived.Content)!["sha256"]!.GetValue<string>());
        Assert.Equal(arrived.LeafIndex, draft["arrival_leaf_index"]!.GetValue<long>());

        // The analyst confirms ten hours later; CERT-In's six hours count to the mail's arrival, not to the confirmation.
        factory.Clock.Advance(TimeSpan.FromHours(10));
        var detected = SubmissionCommitment.FormatTime(arrival - TimeSpan.FromHours(2));
        var confirmed = await analyst.Client.PostJsonAsync($"{Root}/{id}/confirm",
            $$"""{"category": "malicious-code", "detected_at": "{{detected}}", "regimes": ["in-cert-in-2022"]}""");
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var accepted = await confirmed.JsonAsync();
        Assert.NotNull(accepted["receipt"]);
        var incidentId = accepted["incident"]!["id"]!.GetValue<string>();
        Assert.Equal(organisationId, accepted["incident"]!["organisation_id"]!.GetValue<string>());
        Assert.Equal(arrival, accepted["incident"]!["received_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Spyware installed through VoIP calls", accepted["incident"]!["fields"]!["title"]!.GetValue<string>());

        var compliance = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{incidentId}/compliance");
        var stage = compliance["regimes"]!.AsArray().Single(r => r!["regime"]!.GetValue<string>() == "in-cert-in-2022")!["stages"]!.AsArray()
            .Single(s => s!["stage"]!.GetValue<string>() == "incident_report")!;
        Assert.Equal("met_on_time", stage["state"]!.GetValue<string>());
        Assert.Equal(arrival, stage["met_at"]!.GetValue<DateTimeOffset>());
        var content = (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{incidentId}/submissions/1"))["content"]!;
        Assert.Equal(SubmissionCommitment.FormatTime(arrival), content["received_by_mail_at"]!.GetValue<string>());
        var attached = await analyst.Client.GetAsync($"/api/v1/incidents/{incidentId}/attachments/{sha256}");
        Assert.Equal(raw, await attached.Content.ReadAsByteArrayAsync());

        var again = await analyst.Client.PostJsonAsync($"{Root}/{id}/confirm", "{}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var decided = await analyst.Client.GetNodeAsync($"{Root}/{id}");
        Assert.Equal(InboundStates.Confirmed, decided["message"]!["state"]!.GetValue<string>());
        Assert.Equal(incidentId, decided["message"]!["incident_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inline_armour_is_opened_too_and_a_reporters_own_address_names_the_reporter()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var (organisationId, _) = await OrganisationAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisationId);
        string email;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            email = (await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Users.SingleAsync(u => u.Id == reporter.UserId)).Email;
        }
        var key = factory.Services.GetRequiredService<InboundMailKey>().EncryptionKey;
        var armoured = MailSender.Utf8(MailSender.Encrypt(System.Text.Encoding.UTF8.GetBytes("INLINE-SECRET phishing wave"), key));
        var mail = MailSender.Plain(email, "Phishing", "Encrypted below.\n\n" + armoured);
        await MailSender.SendAsync(factory.SmtpPort, mail);

        var draft = await ByMessageIdAsync(analyst, mail.MessageId);
        Assert.Equal(SenderMatch.ByUser, draft["matched_by"]!.GetValue<string>());
        Assert.True(draft["decrypted"]!.GetValue<bool>());
        var text = (await analyst.Client.GetNodeAsync($"{Root}/{draft["id"]!.GetValue<string>()}"))["text"]!.GetValue<string>();
        Assert.Contains("INLINE-SECRET phishing wave", text, StringComparison.Ordinal);
        Assert.Contains("Encrypted below.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN PGP MESSAGE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_from_an_unknown_sender_waits_in_quarantine_outside_every_organisation_until_an_analyst_assigns_it()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var (organisationId, _) = await OrganisationAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisationId);
        var mail = MailSender.Plain($"stranger-{Guid.NewGuid():N}@unknown.example", "Our bank is under attack", "Please help.");
        await MailSender.SendAsync(factory.SmtpPort, mail);

        var held = await ByMessageIdAsync(analyst, mail.MessageId);
        Assert.Equal(InboundStates.Quarantine, held["state"]!.GetValue<string>());
        Assert.Null(held["organisation_id"]);
        Assert.False(held["encrypted"]!.GetValue<bool>());
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());
        var id = held["id"]!.GetValue<string>();
        var drafts = await analyst.Client.GetNodeAsync($"{Root}?state=draft");
        Assert.DoesNotContain(drafts["items"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id);

        var unknown = await analyst.Client.PostJsonAsync($"{Root}/{id}/assign", """{"organisation_id": "no-such-organisation"}""");
        Assert.Equal(["/organisation_id"], await unknown.ProblemPointersAsync());
        var assigned = await analyst.Client.PostJsonAsync($"{Root}/{id}/assign", $$"""{"organisation_id": "{{organisationId}}"}""");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var draft = await assigned.JsonAsync();
        Assert.Equal(InboundStates.Draft, draft["state"]!.GetValue<string>());
        Assert.Equal(SenderMatch.ByAnalyst, draft["matched_by"]!.GetValue<string>());
        var rejected = await analyst.Client.PostJsonAsync($"{Root}/{id}/reject", """{"reason": "A test message, not an incident."}""");
        Assert.Equal(InboundStates.Rejected, (await rejected.JsonAsync())["state"]!.GetValue<string>());
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());

        await using var scope = factory.Services.CreateAsyncScope();
        var kinds = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().RecordEvents.AsNoTracking()
            .Where(e => e.ObjectId == id).OrderBy(e => e.LeafIndex).Select(e => e.Kind).ToListAsync();
        Assert.Equal([InboundStates.ReceivedEvent, InboundStates.AssignedEvent, InboundStates.RejectedEvent], kinds);
    }

    [Fact]
    public async Task A_reply_naming_an_incident_of_the_senders_organisation_becomes_a_draft_update_of_it()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var (organisationId, contact) = await OrganisationAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisationId);
        var incidentId = await reporter.Client.FileAsync(Api.Report());
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var othersIncident = await stranger.Client.FileAsync(Api.Report());

        var reply = MailSender.Plain(contact, $"Re: [Vigil #{incidentId}] what we learnt since", "The patched build is rolling out.");
        await MailSender.SendAsync(factory.SmtpPort, reply);
        var foreign = MailSender.Plain(contact, $"Re: [Vigil #{othersIncident}] not ours", "Naming another organisation's incident.");
        await MailSender.SendAsync(factory.SmtpPort, foreign);

        var draft = await ByMessageIdAsync(analyst, reply.MessageId);
        Assert.Equal(incidentId, draft["replies_to_incident_id"]!.GetValue<string>());
        Assert.Null((await ByMessageIdAsync(analyst, foreign.MessageId))["replies_to_incident_id"]);

        var confirmed = await analyst.Client.PostJsonAsync($"{Root}/{draft["id"]!.GetValue<string>()}/confirm", "{}");
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var submission = (await confirmed.JsonAsync())["submission"]!;
        Assert.Equal(2, submission["sequence"]!.GetValue<int>());
        Assert.Equal("update", submission["kind"]!.GetValue<string>());
        var content = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{incidentId}/submissions/2"))["content"]!;
        Assert.Equal("The patched build is rolling out.", content["narrative"]!.GetValue<string>().Trim());
    }

    [Fact]
    public async Task A_recipient_other_than_the_incident_address_is_refused_with_550()
    {
        await factory.CreateActorAsync(Roles.Analyst);
        var mail = MailSender.Plain("someone@reporter.example", "Relay this", "Please.", to: "someone@elsewhere.example");
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => MailSender.SendAsync(factory.SmtpPort, mail));
        Assert.Equal(550, (int)refused.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<VigilDbContext>().InboundMessages.AnyAsync(m => m.MessageId == "<" + mail.MessageId + ">"));
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_with_552_and_nothing_is_kept()
    {
        await factory.CreateActorAsync(Roles.Analyst);
        await using (var declared = await RawSmtp.OpenAsync(factory.SmtpPort))
        {
            Assert.Equal(250, await declared.SendAsync("EHLO reporter.example"));
            Assert.Equal(552, await declared.SendAsync($"MAIL FROM:<big@reporter.example> SIZE={IInboundMailServer.MaxMessageBytes + 1}"));
        }
        var marker = "OVERSIZE-" + Guid.NewGuid().ToString("N");
        await using (var undeclared = await RawSmtp.OpenAsync(factory.SmtpPort))
        {
            Assert.Equal(250, await undeclared.SendAsync("EHLO reporter.example"));
            Assert.Equal(250, await undeclared.SendAsync("MAIL FROM:<big@reporter.example>"));
            Assert.Equal(250, await undeclared.SendAsync($"RCPT TO:<{IInboundMailServer.IncidentAddress}>"));
            Assert.Equal(354, await undeclared.SendAsync("DATA"));
            var line = System.Text.Encoding.ASCII.GetBytes($"Subject: {marker}\r\n\r\n" + new string('x', 900) + "\r\n");
            var written = 0;
            while (written <= IInboundMailServer.MaxMessageBytes && await undeclared.WriteAsync(line))
            {
                written += line.Length;
            }
            Assert.Equal(552, await undeclared.SendAsync("."));
        }
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<VigilDbContext>().InboundMessages.AnyAsync(m => m.Subject == marker));
    }

    [Fact]
    public async Task A_reporter_sees_neither_the_queue_nor_its_pages()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync(Root)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync($"{Root}?state=quarantine")).StatusCode);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync(Root)).StatusCode);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var mail = MailSender.Plain($"stranger-{Guid.NewGuid():N}@unknown.example", "Hello", "Hi.");
        await MailSender.SendAsync(factory.SmtpPort, mail);
        var id = (await ByMessageIdAsync(analyst, mail.MessageId))["id"]!.GetValue<string>();
        // Reading is the staff's; deciding is the analysts'.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.PostJsonAsync($"{Root}/{id}/discard", """{"reason": "spam"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostJsonAsync($"{Root}/{id}/discard", """{"reason": "spam"}""")).StatusCode);
    }

    private async Task<(string Id, string Contact)> OrganisationAsync()
    {
        var id = Guid.NewGuid().ToString();
        var contact = $"security-{Guid.NewGuid():N}@bank.example";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        db.Organisations.Add(new Organisation
        {
            Id = id, Name = "Bank " + id, Sector = "banking", Country = "IN", ContactName = "Security desk", ContactEmail = contact,
            CreatedAt = factory.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (id, contact);
    }

    private static async Task<JsonNode> ByMessageIdAsync(Actor analyst, string? messageId)
    {
        var all = await analyst.Client.GetNodeAsync(Root);
        var ids = all["items"]!.AsArray().Select(m => m!["id"]!.GetValue<string>());
        foreach (var id in ids)
        {
            var detail = await analyst.Client.GetNodeAsync($"{Root}/{id}");
            if (detail["message_id"]?.GetValue<string>() == "<" + messageId + ">")
            {
                return detail["message"]!;
            }
        }
        throw new InvalidOperationException("no inbound message " + messageId);
    }

    private async Task<RecordEvent> ArrivalEventAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().RecordEvents.AsNoTracking()
            .SingleAsync(e => e.ObjectId == id && e.Kind == InboundStates.ReceivedEvent);
    }
}
