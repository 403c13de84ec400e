using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Vigil.Server.Features.Notifications.Mail.Templates;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// What a failed send means for the message. A relay's 4xx is "not now" (try again); a 5xx refusing the recipient or
/// the message is final (dead at once). Everything about the connection (refused, timed out, TLS, authentication)
/// is ours or the network's to fix, so it is tried again. The words never carry the relay's credentials.
/// </summary>
public static class SmtpFailures
{
    public static DeliveryOutcome? Classify(Exception exception) => exception switch
    {
        SmtpCommandException command when (int)command.StatusCode >= 500 && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted =>
            DeliveryOutcome.Failed($"the relay refused the recipient: {Code(command)}", permanent: true),
        SmtpCommandException command when (int)command.StatusCode >= 500 && command.ErrorCode is SmtpErrorCode.MessageNotAccepted =>
            DeliveryOutcome.Failed($"the relay refused the message: {Code(command)}", permanent: true),
        SmtpCommandException command => DeliveryOutcome.Failed($"the relay answered {Code(command)}"),
        AuthenticationException => DeliveryOutcome.Failed("the relay refused Vigil's credentials (Notifications:Smtp:UserName and Password)"),
        SslHandshakeException => DeliveryOutcome.Failed("TLS with the relay failed: its certificate is not trusted, or it speaks no TLS on that port"),
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
            DeliveryOutcome.Failed("the conversation with the relay broke off: " + exception.Message),
        NotSupportedException => DeliveryOutcome.Failed("the relay does not offer what Vigil is configured for (STARTTLS or authentication)"),
        SocketException or IOException or TimeoutException => DeliveryOutcome.Failed("the relay could not be reached: " + exception.Message),
        MailPayloadException payload => DeliveryOutcome.Failed("the mail cannot be written: " + payload.Message, permanent: true),
        _ => null,
    };

    private static string Code(SmtpCommandException command) => $"{(int)command.StatusCode} {command.Message}".Trim();
}
