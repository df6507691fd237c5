using Microsoft.Playwright;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// One headless Debian Chromium per test class (no browser download is possible here). When CI=true a missing
/// browser fails the tests; on a developer machine without Chromium they are skipped with the install command.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own storage) and page; fails or skips when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        if (Browser is null)
        {
            TestMachine.Missing($"Chromium not found at {ChromiumPath}; install it with: apt-get install -y chromium.");
        }
        var context = await Browser.NewContextAsync(new() { ColorScheme = colorScheme, TimezoneId = "Europe/Berlin" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
