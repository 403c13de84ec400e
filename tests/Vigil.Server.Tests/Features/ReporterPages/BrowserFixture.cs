using Microsoft.Playwright;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// The real server on Kestrel and one headless Chromium for a whole test class. The browser is the system's
/// (Debian's chromium package, which scripts/test-prerequisites.sh installs): Playwright drives it, nothing is downloaded.
/// A fixture that needs more around the server (another process it talks to) derives from this one.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Waits end as soon as the page is as expected; these only bound how long a loaded machine may take (the whole
    // suite shares two cores in CI), so they are generous rather than Playwright's 5 s default.
    private const float ExpectTimeout = 30_000;
    private const float ActionTimeout = 60_000;

    private IPlaywright? _playwright;

    public RunningServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new RunningServer { ExtraArguments = await ServerArgumentsAsync() };
        await Server.InitializeAsync();
        await ServerStartedAsync();
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>More configuration for the server, e.g. "--Section:Key=value"; asked for before it starts.</summary>
    protected virtual Task<IReadOnlyList<string>> ServerArgumentsAsync() => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Called once the server listens on its address.</summary>
    protected virtual Task ServerStartedAsync() => Task.CompletedTask;

    /// <summary>A fresh browser context (its own cookies) whose relative URLs go to the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(ActionTimeout);
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
