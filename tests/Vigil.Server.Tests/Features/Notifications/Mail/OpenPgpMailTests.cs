using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Vigil.Data;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Mail;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>
/// Mail signed with the CERT's OpenPGP key (PGP/MIME), checked with MimeKit and with GnuPG as a separate program;
/// mail encrypted to a recipient who registered a key, which opens with the recipient's secret key and not without;
/// and the registration API, which refuses keys that cannot serve.
/// </summary>
public sealed class OpenPgpMailTests(OpenPgpMailTests.Relay relay) : IClassFixture<OpenPgpMailTests.Relay>
{
    public sealed class Relay : IDisposable
    {
        public Relay()
        {
            Smtp = new SmtpServerProcess();
            Factory = new MailFactory(Smtp, new Dictionary<string, string> { ["Notifications:Smtp:OpenPgpSign"] = "true" });
        }

        public SmtpServerProcess Smtp { get; }

        public MailFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            Smtp.Dispose();
        }
    }

    private const string Status = """{"incident_id": "INC-2026-0100", "from": "triaged", "to": "in_analysis"}""";

    private MailFactory Factory => relay.Factory;

    [Fact]
    public async Task A_signed_mail_verifies_against_the_certs_public_key_with_mimekit_and_with_gpg()
    {
        var to = $"signed-{Guid.NewGuid():N}@example.org";
        Assert.True((await Factory.EmailChannel().DeliverAsync(Factory.Message(NotificationEvents.IncidentStatusChanged, to, Status), CancellationToken.None)).Delivered);

        var mail = Assert.Single(relay.Smtp.MessagesTo(to));
        var signed = Assert.IsType<MultipartSigned>(mail.Body);
        using var context = new CertOpenPgpContext(null, CertPublicRing());
        var signature = Assert.Single(signed.Verify(context));
        Assert.True(signature.Verify());
        Assert.Contains("INC-2026-0100", ((Multipart)signed[0]).OfType<TextPart>().First().Text, StringComparison.Ordinal);

        // A stranger's key does not make it verify.
        using var stranger = new CertOpenPgpContext(null, new TestOpenPgpKeys("Stranger <s@example.org>", Factory.Clock.GetUtcNow().AddDays(-1)).PublicRing);
        Assert.ThrowsAny<Exception>(() => Assert.Single(signed.Verify(stranger)).Verify());

        await GpgVerifiesAsync(signed);
    }

    [Fact]
    public async Task A_mail_to_a_user_who_registered_a_key_is_encrypted_to_it_and_opens_only_with_its_secret_key()
    {
        var reporter = await Factory.CreateActorAsync(Roles.Reporter);
        var keys = new TestOpenPgpKeys("Reporter <r@example.org>", Factory.Clock.GetUtcNow().AddDays(-1));
        var response = await reporter.Client.PutAsync("/api/v1/me/openpgp-key", Json(new JsonObject { ["key"] = keys.ArmoredPublic }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fingerprint = Convert.ToHexString(keys.PublicRing.GetPublicKey().GetFingerprint());
        Assert.Equal(fingerprint, (await response.JsonAsync())["fingerprint"]!.GetValue<string>());
        var email = await EmailOfAsync(reporter.UserId);

        var outcome = await Factory.EmailChannel().DeliverAsync(
            Factory.Message(NotificationEvents.IncidentStatusChanged, email, Status, organisationId: reporter.OrganisationId, userId: reporter.UserId), CancellationToken.None);
        Assert.True(outcome.Delivered, outcome.Error);

        var mail = Assert.Single(relay.Smtp.MessagesTo(email));
        var encrypted = Assert.IsType<MultipartEncrypted>(mail.Body);
        Assert.DoesNotContain("INC-2026-0100", mail.Body!.ToString(), StringComparison.Ordinal);
        using (var without = new CertOpenPgpContext())
        {
            Assert.ThrowsAny<Exception>(() => encrypted.Decrypt(without));
        }
        using var recipient = new CertOpenPgpContext(null, CertPublicRing());
        recipient.Import(keys.SecretRing);
        var opened = encrypted.Decrypt(recipient, out var signatures);
        Assert.True(Assert.Single(signatures!).Verify());
        var text = ((Multipart)opened).OfType<TextPart>().First(p => p.IsPlain).Text;
        Assert.Contains("INC-2026-0100", text, StringComparison.Ordinal);
        Assert.Contains("in analysis", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisations_reporter_registers_its_contacts_key_on_the_record_and_another_organisation_cannot()
    {
        var reporter = await Factory.CreateActorAsync(Roles.Reporter);
        var other = await Factory.CreateActorAsync(Roles.Reporter);
        var keys = new TestOpenPgpKeys("Contact <c@example.org>", Factory.Clock.GetUtcNow().AddDays(-1));
        var path = $"/api/v1/organisations/{reporter.OrganisationId}/contact/openpgp-key";

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PutAsync(path, Json(new JsonObject { ["key"] = keys.ArmoredPublic }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.PutAsync(path, Json(new JsonObject { ["key"] = keys.ArmoredPublic }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.Client.DeleteAsync(path)).StatusCode);

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        Assert.Null(await db.Organisations.Where(o => o.Id == reporter.OrganisationId).Select(o => o.OpenPgpPublicKey).SingleAsync());
        var kinds = await db.RecordEvents.Where(e => e.ObjectId == reporter.OrganisationId && e.ObjectKind == "organisation").Select(e => e.Kind).ToListAsync();
        Assert.Equal([RecipientKeys.KeySet, RecipientKeys.KeyCleared], kinds);
    }

    [Fact]
    public async Task A_key_that_cannot_serve_is_refused_naming_the_key_field()
    {
        var reporter = await Factory.CreateActorAsync(Roles.Reporter);
        var now = Factory.Clock.GetUtcNow();
        var expired = new TestOpenPgpKeys("Old <o@example.org>", now.AddDays(-30), TimeSpan.FromDays(1));
        var secret = new TestOpenPgpKeys("Secret <s@example.org>", now.AddDays(-1));
        foreach (var (body, detail) in new (JsonObject Body, string Detail)[]
        {
            (new JsonObject { ["key"] = "not a key" }, "ASCII-armoured"),
            (new JsonObject { ["key"] = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----" }, "can be read"),
            (new JsonObject { ["key"] = expired.ArmoredPublic }, "expired"),
            (new JsonObject { ["key"] = secret.ArmoredSecret }, "secret key"),
            (new JsonObject(), "required"),
        })
        {
            var response = await reporter.Client.PutAsync("/api/v1/me/openpgp-key", Json(body));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.Contains("\"/key\"", problem, StringComparison.Ordinal);
            Assert.True(problem.Contains(detail, StringComparison.OrdinalIgnoreCase), detail + ": " + problem);
        }
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Users.Where(u => u.Id == reporter.UserId).Select(u => u.OpenPgpPublicKey).SingleAsync());
    }

    private Org.BouncyCastle.Bcpg.OpenPgp.PgpPublicKeyRing CertPublicRing() =>
        TestOpenPgpKeys.ReadPublic(Factory.Services.GetRequiredService<CsafOpenPgpKey>().ArmoredPublicKey());

    private async Task<string> EmailOfAsync(string userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>GnuPG, a separate implementation, checks the detached signature over the signed part as RFC 3156 canonicalises it.</summary>
    private async Task GpgVerifiesAsync(MultipartSigned signed)
    {
        var home = Directory.CreateTempSubdirectory("vigil-gpg-").FullName;
        try
        {
            var key = Path.Combine(home, "cert.asc");
            await File.WriteAllBytesAsync(key, Factory.Services.GetRequiredService<CsafOpenPgpKey>().ArmoredPublicKey());
            var data = Path.Combine(home, "signed.eml");
            await using (var file = File.Create(data))
            {
                signed[0].WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, file);
            }
            var signature = Path.Combine(home, "signature.asc");
            await using (var file = File.Create(signature))
            {
                ((MimePart)signed[1]).Content!.DecodeTo(file);
            }
            Assert.Equal(0, await GpgAsync(home, "--import", key));
            Assert.Equal(0, await GpgAsync(home, "--verify", signature, data));
            await File.AppendAllTextAsync(data, "tampered");
            Assert.NotEqual(0, await GpgAsync(home, "--verify", signature, data));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<int> GpgAsync(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("gpg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--homedir", home, "--batch", "--no-tty" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var gpg = Process.Start(start)!;
        var output = gpg.StandardError.ReadToEndAsync();
        await gpg.StandardOutput.ReadToEndAsync();
        await gpg.WaitForExitAsync();
        await output;
        return gpg.ExitCode;
    }
}
