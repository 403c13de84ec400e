using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// The SMTP listener for the CERT's incident address, when InboundMail:Enabled: ESMTP with SIZE (and STARTTLS when a
/// certificate is configured). Recipients other than the incident address are refused (550), messages over the limit
/// too (552), and a message is acknowledged (250) only once <see cref="MailIntake"/> has stored it durably.
/// </summary>
public sealed partial class SmtpListener(
    IOptions<InboundMailOptions> options, IServiceScopeFactory scopes, ILoggerFactory loggers, ILogger<SmtpListener> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(settings.ServerName)
            // Advertised with SIZE and refused at MAIL FROM when declared; an undeclared one is read to its end and then
            // answered 552 by the store (the library's strict mode closes the session without any reply).
            .MaxMessageSize(settings.MaxMessageBytes, MaxMessageSizeHandling.Ignore)
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Parse(settings.ListenAddress), settings.Port));
                if (settings.CertificateFile is { } file)
                {
                    endpoint.Certificate(X509CertificateLoader.LoadPkcs12FromFile(file, settings.CertificatePassword));
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecipientFilter(settings));
        services.Add(new IntakeStore(scopes, settings.MaxMessageBytes, loggers.CreateLogger<IntakeStore>()));
        var server = new SmtpServer.SmtpServer(serverOptions, services);
        LogListening(logger, settings.ListenAddress, settings.Port, string.Join(", ", settings.AcceptedRecipients));
        _running = RunAsync(server);
        return Task.CompletedTask;
    }

    private async Task RunAsync(SmtpServer.SmtpServer server)
    {
        try
        {
            await server.StartAsync(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    /// <summary>Stops listening; a host may ask more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => _stop.Dispose();

    [LoggerMessage(EventId = 7600, Level = LogLevel.Information, Message = "Inbound mail: listening on {Address}:{Port} for {Recipients}")]
    private static partial void LogListening(ILogger logger, string address, int port, string recipients);

    [LoggerMessage(EventId = 7601, Level = LogLevel.Critical, Message = "Inbound mail: the SMTP listener stopped")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
