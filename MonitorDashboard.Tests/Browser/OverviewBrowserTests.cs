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

    /// <summary>Opens a page and waits until the circuit is interactive (the layout shows the browser's zone).</summary>
    private async Task<IPage> OpenAsync(string path = "")
    {
        var page = _page = await browser.NewPageAsync();
        await page.SignInAsync(_app.Address);
        await page.GotoAsync(new Uri(_app.Address, path).ToString());
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Overview_PipelineWithTwoStagesAndVersions_ShowsStagesInOrderWithTheirFigures()
    {
        using var client = _app.CreateRealClient();
        var now = DateTimeOffset.UtcNow;
        (await client.PostEventsAsync(
            EventJson.Event(model: "speech", stage: "vad", version: "v1", value: 8, ts: now.AddSeconds(-30).ToString("O")),
            EventJson.Event(model: "speech", stage: "asr", version: "v1", value: 120, ts: now.AddSeconds(-20).ToString("O")),
            EventJson.Event(model: "speech", stage: "asr", version: "v2", value: 95, ts: now.AddSeconds(-10).ToString("O")))).EnsureSuccessStatusCode();

        var page = await OpenAsync();

        var pipeline = page.GetByTestId("pipeline-speech");
        await Assertions.Expect(pipeline).ToBeVisibleAsync();
        var stages = await pipeline.Locator("[data-testid^=stage-speech-]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
        Assert.Equal(["stage-speech-vad", "stage-speech-asr"], stages);
        await Assertions.Expect(page.GetByTestId("version-speech-asr-v2").GetByTestId("p95")).ToHaveTextAsync("95 ms");
        await Assertions.Expect(page.GetByTestId("version-speech-asr-v1").GetByTestId("p95")).ToHaveTextAsync("120 ms");
    }

    [Fact]
    public async Task Overview_NoData_ShowsHowToPostTheFirstEvent()
    {
        var page = await OpenAsync();

        await Assertions.Expect(page.GetByTestId("empty-state")).ToContainTextAsync("curl -X POST");
    }

    [Fact]
    public async Task SeriesList_EventPosted_ShowsUpWithoutReload()
    {
        var page = await OpenAsync("series");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();

        using var client = _app.CreateRealClient();
        (await client.PostEventsAsync(EventJson.Event(model: "asr", name: "p95_latency_ms", value: 321.5))).EnsureSuccessStatusCode();

        var row = page.Locator("tr", new() { Has = page.GetByText("p95_latency_ms") });
        await Assertions.Expect(row).ToContainTextAsync("321.5", new() { Timeout = 2000 });
        await Assertions.Expect(page.GetByTestId("stat-accepted")).ToContainTextAsync("1 events");
    }

    [Fact]
    public async Task SeriesList_MetricNameWithMarkup_RejectedAndNothingRendered()
    {
        var page = await OpenAsync("series");
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
        var page = await OpenAsync();
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
