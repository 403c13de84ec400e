using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>
/// The settings the delivery tests run under: webhooks to loopback allowed, short waits between tries (the tests move
/// the server's clock by them), and a claim that outlasts any step the clock is moved by, so a slow machine never
/// makes a claim lapse while its delivery runs.
/// </summary>
public static class DeliverySettings
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public static readonly IReadOnlyList<(string Key, string Value)> All =
    [
        ("Notifications:AllowPrivateNetworks", "true"),
        ("Notifications:BaseBackoff", "00:00:01"),
        ("Notifications:MaxBackoff", "00:00:30"),
        ("Notifications:MaxAttempts", "5"),
        ("Notifications:PollInterval", "00:00:01"),
        ("Notifications:LeaseDuration", "12:00:00"),
    ];

    public static void Apply(IWebHostBuilder builder)
    {
        foreach (var (key, value) in All)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The server on SQLite, delivering webhooks to the tests' loopback receivers.</summary>
public sealed class DeliveryFactory : VigilFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DeliverySettings.Apply(builder);
        builder.UseSetting("Ledger:CheckpointInterval", "01:00:00");
    }
}

/// <summary>One of several hosts on one data directory and clock; the directory is the test's to delete.</summary>
public sealed class SharedDeliveryFactory : VigilFactory
{
    private readonly (string Key, string Value)[] _settings;

    /// <param name="settings">Settings for this host only, applied after the shared ones.</param>
    public SharedDeliveryFactory(string dataDirectory, FakeTimeProvider clock, params (string Key, string Value)[] settings)
        : base(dataDirectory, clock)
    {
        DeleteDataOnDispose = false;
        _settings = settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DeliverySettings.Apply(builder);
        builder.UseSetting("Ledger:CheckpointInterval", "01:00:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class DeliveryPostgresFactory : PostgresVigilFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DeliverySettings.Apply(builder);
    }
}
