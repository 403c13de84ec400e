using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Hands one message to the configured relay over a connection of its own (a message every few seconds at most:
/// no pool to keep alive). TLS as configured; credentials only after it is up. MailKit throws what went wrong,
/// which <see cref="SmtpFailures"/> sorts into "try again" and "never".
/// </summary>
public sealed class SmtpRelay(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (smtp.AcceptAnyCertificate)
        {
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }
        var security = smtp.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password!, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
