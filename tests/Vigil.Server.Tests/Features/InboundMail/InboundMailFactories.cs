using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.InboundMail;

/// <summary>A server whose SMTP listener for the incident address runs on a free loopback port.</summary>
public interface IInboundMailServer
{
    public const string IncidentAddress = "incident@cert.example";
    public const int MaxMessageBytes = 64 * 1024;

    int SmtpPort { get; }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    static void Configure(IWebHostBuilder builder, int port)
    {
        builder.UseSetting("InboundMail:Enabled", "true");
        builder.UseSetting("InboundMail:ListenAddress", "127.0.0.1");
        builder.UseSetting("InboundMail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("InboundMail:AcceptedRecipients:0", IncidentAddress);
        builder.UseSetting("InboundMail:MaxMessageBytes", MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class InboundMailSqliteFactory : VigilFactory, IInboundMailServer
{
    public int SmtpPort { get; } = IInboundMailServer.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        IInboundMailServer.Configure(builder, SmtpPort);
    }
}

public sealed class InboundMailPostgresFactory : PostgresVigilFactory, IInboundMailServer
{
    public int SmtpPort { get; } = IInboundMailServer.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        IInboundMailServer.Configure(builder, SmtpPort);
    }
}
