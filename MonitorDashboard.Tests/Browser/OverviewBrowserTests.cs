using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class OverviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly KestrelAppFactory _app = new();
    private IPage? _page;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Close the circuit first: an open circuit holds the server's shutdown until it times out.
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
        await _app.DisposeAsync();
    }

    /// <summary>Opens the overview and waits until the circuit is interactive (the layout shows the browser's zone).</summary>
    private async Task<IPage> OpenOverviewAsync()
    {
        var page = _page = await browser.NewPageAsync();
        await page.SignInAsync(_app.Address);
        await page.GotoAsync(_app.Address.ToString());
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Overview_EventPosted_ShowsUpWithoutReload()
    {
        var page = await OpenOverviewAsync();
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();

        using var client = _app.CreateRealClient();
        (await client.PostEventsAsync(EventJson.Event(model: "asr", name: "p95_latency_ms", value: 321.5))).EnsureSuccessStatusCode();

        var row = page.Locator("tr", new() { Has = page.GetByText("p95_latency_ms") });
        await Assertions.Expect(row).ToContainTextAsync("321.5", new() { Timeout = 2000 });
        await Assertions.Expect(page.GetByTestId("stat-accepted")).ToContainTextAsync("1 events");
    }

    [Fact]
    public async Task Overview_MetricNameWithMarkupAndValue_RenderedAsText()
    {
        // Names are validated, but tags and future fields are not: the table must still never render client text as HTML.
        var page = await OpenOverviewAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        using var client = _app.CreateRealClient();
        var response = await client.PostRawAsync("""[{"model":"asr","kind":"software","name":"<img src=x onerror=alert(1)>","value":1}]""");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, dialogs);
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DarkModeToggle_AfterReload_IsRemembered()
    {
        var page = await OpenOverviewAsync();
        var background = () => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var light = await background();

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Toggle dark mode")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => await background() != light, TimeSpan.FromSeconds(5), "the layout turns dark");
        var dark = await background();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Eventually.TrueAsync(async () => await background() == dark, TimeSpan.FromSeconds(5), "dark mode survives the reload");
    }
}
