using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A server on a data directory and clock the test chooses: a second host on the same SQLite file (a restart), or a
/// clock set in another year. The test owns the directory, so it is left in place when the host is disposed. The
/// background checkpoint signer ticks hourly, so that moving the fake clock on by hours stays cheap.
/// </summary>
public sealed class SharedDataVigilFactory : VigilFactory
{
    public SharedDataVigilFactory(string dataDirectory, FakeTimeProvider clock)
        : base(dataDirectory, clock)
    {
        DeleteDataOnDispose = false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:CheckpointInterval", "01:00:00");
    }
}
