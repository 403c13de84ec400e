using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// Vigil following the providers these tests serve on loopback: it sets Aggregation:AllowPrivateNetworks, as a CERT
/// following providers on its own network would, since by default loopback is refused (<see cref="FetchGuardTests{TFactory}"/>).
/// </summary>
public sealed class LoopbackFollowerFactory : VigilFactory
{
    public const string AllowPrivateNetworks = "Aggregation:AllowPrivateNetworks";

    /// <summary>The same for a server started in the test (<see cref="RunningServer.ExtraArguments"/>).</summary>
    public const string AllowPrivateNetworksArgument = $"--{AllowPrivateNetworks}=true";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(AllowPrivateNetworks, "true");
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class LoopbackFollowerPostgresFactory : PostgresVigilFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(LoopbackFollowerFactory.AllowPrivateNetworks, "true");
    }
}
