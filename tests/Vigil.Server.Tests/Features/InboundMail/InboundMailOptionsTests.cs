using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.InboundMail;

/// <summary>A listener that could never take a report stops the start, naming the setting, rather than the mail.</summary>
public sealed class InboundMailOptionsTests
{
    [Theory]
    [InlineData("AcceptedRecipients", null, null, null)]
    [InlineData("AcceptedRecipients", "not an address", null, null)]
    [InlineData("ListenAddress", IInboundMailServer.IncidentAddress, "ListenAddress", "mail.example")]
    [InlineData("CertificateFile", IInboundMailServer.IncidentAddress, "CertificateFile", "/nonexistent/listener.p12")]
    public void An_enabled_listener_with_a_bad_setting_stops_the_start(string named, string? recipient, string? setting, string? value)
    {
        using var factory = new SettingsFactory(recipient, setting, value);
        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("InboundMail:" + named, failure.Message, StringComparison.Ordinal);
    }

    private sealed class SettingsFactory(string? recipient, string? setting, string? value) : VigilFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("InboundMail:Enabled", "true");
            builder.UseSetting("InboundMail:Port", IInboundMailServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (recipient is not null)
            {
                builder.UseSetting("InboundMail:AcceptedRecipients:0", recipient);
            }
            if (setting is not null)
            {
                builder.UseSetting("InboundMail:" + setting, value);
            }
        }
    }
}
