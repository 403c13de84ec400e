using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// Where the listener puts a message at the end of DATA: <see cref="MailIntake"/> in a scope of its own. 250 once the
/// message is stored; 552 for one over the limit; 451 (try again later) when storing failed, so the sender keeps it.
/// </summary>
public sealed partial class IntakeStore(IServiceScopeFactory scopes, int maxBytes, ILogger<IntakeStore> logger) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.Length > maxBytes)
        {
            return new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, "message exceeds the fixed maximum message size");
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await scope.ServiceProvider.GetRequiredService<MailIntake>().TakeAsync(AsReceived(buffer), "smtp",
                transaction.From?.AsAddress() ?? "", [.. transaction.To.Select(t => t.AsAddress())], cancellationToken);
            LogTaken(logger, taken.Id, taken.State, taken.RawSize);
            return new SmtpResponse(SmtpReplyCode.Ok, "queued as " + taken.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStored(logger, e);
            return new SmtpResponse(SmtpReplyCode.Aborted, "not stored, try again later");
        }
    }

    /// <summary>
    /// The message as the sender sent it: the listener hands over the data without the terminating CRLF.CRLF, whose
    /// first CRLF ends the message's last line (RFC 5321 4.1.1.4), so that line end is put back.
    /// </summary>
    private static byte[] AsReceived(ReadOnlySequence<byte> buffer)
    {
        var bytes = new byte[buffer.Length + 2];
        buffer.CopyTo(bytes);
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Inbound mail: message {Id} taken ({State}, {Size} bytes)")]
    private static partial void LogTaken(ILogger logger, string id, string state, long size);

    [LoggerMessage(EventId = 7603, Level = LogLevel.Error, Message = "Inbound mail: a message could not be stored; the sender was told to try again")]
    private static partial void LogNotStored(ILogger logger, Exception exception);
}
