using Vigil.Server.Features.Notifications;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>
/// The relay over TLS with a password, as a real one is reached: STARTTLS on a submission port and TLS from the first
/// byte, each against an SMTP server process that insists on it. A wrong password is not the message's fault, so it
/// is tried again; the password never reaches the log.
/// </summary>
public sealed class SmtpTlsTests
{
    private const string User = "vigil";
    private const string Password = "relay password 5b1f2c";
    private const string Payload = """{"collection_id": "col-1", "name": "Pegasus", "tlp": "CLEAR"}""";

    [Theory]
    [InlineData("starttls", "StartTls")]
    [InlineData("implicit", "Tls")]
    public async Task Mail_goes_through_a_relay_that_requires_tls_and_a_password(string serverTls, string security)
    {
        using var smtp = new SmtpServerProcess(serverTls, User, Password);
        using var factory = Factory(smtp, security, Password);
        var to = $"tls-{Guid.NewGuid():N}@example.org";

        var outcome = await factory.EmailChannel().DeliverAsync(factory.Message(NotificationEvents.CollectionPublished, to, Payload), CancellationToken.None);

        Assert.True(outcome.Delivered, outcome.Error);
        Assert.Contains("Pegasus", Assert.Single(smtp.MessagesTo(to)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_tried_again_and_a_relay_without_tls_is_refused_before_anything_is_sent()
    {
        using var smtp = new SmtpServerProcess("starttls", User, Password);
        using (var factory = Factory(smtp, "StartTls", "not the password"))
        {
            var outcome = await factory.EmailChannel().DeliverAsync(factory.Message(NotificationEvents.CollectionPublished, "a@example.org", Payload), CancellationToken.None);
            Assert.False(outcome.Delivered);
            Assert.False(outcome.Permanent);
            Assert.DoesNotContain("not the password", outcome.Error, StringComparison.Ordinal);
        }
        using var plain = new SmtpServerProcess();
        using (var factory = Factory(plain, "StartTls", Password))
        {
            var outcome = await factory.EmailChannel().DeliverAsync(factory.Message(NotificationEvents.CollectionPublished, "b@example.org", Payload), CancellationToken.None);
            Assert.False(outcome.Delivered);
            Assert.False(outcome.Permanent);
            Assert.Empty(plain.Messages());
        }
    }

    private static MailFactory Factory(SmtpServerProcess smtp, string security, string password)
    {
        RunLog.AddSecret(password);
        var factory = new MailFactory(smtp, new Dictionary<string, string>
        {
            ["Notifications:Smtp:Security"] = security,
            ["Notifications:Smtp:UserName"] = User,
            ["Notifications:Smtp:Password"] = password,
            // The test server's certificate is self-signed for localhost.
            ["Notifications:Smtp:AcceptAnyCertificate"] = "true",
        });
        return factory;
    }
}
