using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Indicators;

public sealed class IndicatorSharingOptionsTests
{
    [Fact]
    public void A_malformed_cert_identity_stops_the_server_at_start()
    {
        using var factory = new VigilFactory();
        using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting("IndicatorSharing:IdentityId", "identity--not-a-uuid"));
        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("IndicatorSharing:IdentityId", error.Message, StringComparison.Ordinal);
    }
}
