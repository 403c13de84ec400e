using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

/// <summary>The "Accounts" settings are checked when the server starts: a bad one stops it, naming the setting.</summary>
public sealed class AccountsOptionsTests
{
    [Theory]
    [InlineData("Accounts:RequireTotpForRoles:0", "root", "RequireTotpForRoles")]
    [InlineData("Accounts:DefaultTokenLifetime", "400.00:00:00", "DefaultTokenLifetime")]
    [InlineData("Accounts:LockoutFirst", "00:00:00", "LockoutFirst")]
    [InlineData("Accounts:LockoutAfterFailures", "0", "LockoutAfterFailures")]
    public void A_bad_setting_stops_the_start(string key, string value, string named)
    {
        using var factory = new VigilFactory();
        using var bad = factory.WithWebHostBuilder(b => b.UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => bad.Services);

        // The whole exception in the message: a failure shows what stopped the start, not its first forty characters.
        Assert.True(error.ToString().Contains(named, StringComparison.Ordinal), $"the start failed without naming {named}:\n{error}");
    }
}
