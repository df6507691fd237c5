using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class OverviewBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Overview_PipelineWithTwoStagesAndVersions_ShowsStagesInOrderWithTheirFigures()
    {
        using var client = App.CreateRealClient();
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

        using var client = App.CreateRealClient();
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

        using var client = App.CreateRealClient();
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
