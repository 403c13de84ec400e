using Microsoft.Playwright;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// Saves a page's screenshot for the documentation and for a reviewer to look at; no test asserts on it. Chromium
/// sometimes answers "Unable to capture screenshot" while it is still compositing the page, so a refused capture is
/// asked again (three tries) instead of failing a test whose assertions all held.
/// </summary>
public static class Screenshot
{
    public static async Task SaveAsync(IPage page, string path, bool fullPage = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                await Task.Delay(250 * attempt);
            }
        }
    }
}
