using Microsoft.Playwright;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// The real server on Kestrel and one headless Chromium for a whole test class. The browser is the system's
/// (Debian's chromium package, which scripts/test-prerequisites.sh installs): Playwright drives it, nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public RunningServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies) whose relative URLs go to the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString().TrimEnd('/') });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
