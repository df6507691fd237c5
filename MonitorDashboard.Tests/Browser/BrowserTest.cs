using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>
/// A fresh app on a real port per test, and signed-in pages in their own browser contexts. Contexts are closed
/// before the app stops: an open circuit would hold the server's shutdown.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    protected KestrelAppFactory App { get; } = new();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>A page signed in as <paramref name="user"/> (admin by default), opened at <paramref name="path"/> and interactive.</summary>
    protected async Task<IPage> OpenAsync(string path = "", string user = TestAccounts.AdminUser, string password = TestAccounts.AdminPassword)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(App.Address, user, password);
        await GotoAsync(page, path);
        return page;
    }

    protected async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(App.Address, path).ToString());
        await page.WaitForInteractiveAsync();
    }
}
