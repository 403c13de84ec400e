using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Vigil.Server.Features.InboundMail;

/// <summary>Accepts mail for the incident address(es) only: any other RCPT TO is answered 550, so Vigil relays nothing.</summary>
public sealed class RecipientFilter(InboundMailOptions options) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(size <= options.MaxMessageBytes);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Task.FromResult(options.Accepts(to.AsAddress()));
}
