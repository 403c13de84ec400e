using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Issue 15, "Slow and hostile clients": Kestrel's limits are set from one section, "ClientLimits", with defaults
/// stricter than Kestrel's where Kestrel's are loose, and a value that makes no sense stops the start naming it.
/// </summary>
public sealed class ClientLimitsOptionsTests
{
    [Fact]
    public void The_defaults_hold_clients_to_sane_limits()
    {
        using var factory = new SettingsFactory();
        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.KeepAliveTimeout);
        Assert.Equal(5000, limits.MaxConcurrentConnections);
        Assert.Equal(100, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(240, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(240, limits.MinResponseDataRate!.BytesPerSecond);
        Assert.Equal(1024 * 1024 + 1, limits.MaxRequestBodySize);
    }

    [Fact]
    public void Each_limit_is_taken_from_the_section()
    {
        using var factory = new SettingsFactory(
            ("RequestHeadersTimeout", "00:00:07"), ("KeepAliveTimeout", "00:00:30"), ("MinRequestBodyBytesPerSecond", "1000"),
            ("MinRequestBodyGracePeriod", "00:00:03"), ("MinResponseBytesPerSecond", "2000"), ("MinResponseGracePeriod", "00:00:04"),
            ("MaxConcurrentConnections", "123"), ("MaxConcurrentUpgradedConnections", "0"), ("MaxRequestLineSize", "4096"),
            ("MaxRequestHeadersTotalSize", "16384"), ("MaxRequestHeaderCount", "50"), ("Http2MaxStreamsPerConnection", "20"),
            ("Http2MaxRequestHeaderFieldSize", "8192"));
        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(TimeSpan.FromSeconds(7), limits.RequestHeadersTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.KeepAliveTimeout);
        Assert.Equal((1000d, TimeSpan.FromSeconds(3)), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        Assert.Equal((2000d, TimeSpan.FromSeconds(4)), (limits.MinResponseDataRate!.BytesPerSecond, limits.MinResponseDataRate.GracePeriod));
        Assert.Equal(123, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(4096, limits.MaxRequestLineSize);
        Assert.Equal(16384, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(50, limits.MaxRequestHeaderCount);
        Assert.Equal(20, limits.Http2.MaxStreamsPerConnection);
        Assert.Equal(8192, limits.Http2.MaxRequestHeaderFieldSize);
    }

    [Theory]
    [InlineData("RequestHeadersTimeout", "00:00:00")]
    [InlineData("KeepAliveTimeout", "2.00:00:00")]
    [InlineData("MinRequestBodyBytesPerSecond", "0")]
    [InlineData("MinResponseGracePeriod", "00:00:01")]
    [InlineData("MaxConcurrentConnections", "0")]
    [InlineData("MaxRequestHeaderCount", "1")]
    [InlineData("Http2MaxStreamsPerConnection", "0")]
    public void A_limit_that_makes_no_sense_stops_the_start_naming_it(string setting, string value)
    {
        using var factory = new SettingsFactory((setting, value));
        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("ClientLimits:" + setting, failure.Message, StringComparison.Ordinal);
    }

    private sealed class SettingsFactory(params (string Setting, string Value)[] settings) : VigilFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (setting, value) in settings)
            {
                builder.UseSetting("ClientLimits:" + setting, value);
            }
        }
    }
}
