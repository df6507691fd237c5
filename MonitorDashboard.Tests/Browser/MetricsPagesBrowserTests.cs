using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class MetricsPagesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>A few minutes of history, so every chart has a line to draw.</summary>
    private async Task PostHistoryAsync(string kind, string name, string version = "v1", Dictionary<string, string>? tags = null, string model = "asr")
    {
        using var client = App.CreateRealClient();
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(1, 20).Select(i => new Dictionary<string, object?>
        {
            ["model"] = model, ["stage"] = "recognizer", ["version"] = version, ["kind"] = kind, ["name"] = name,
            ["value"] = 100 + i, ["ts"] = now.AddSeconds(-15 * i).ToString("O"), ["tags"] = tags,
        }.Where(kv => kv.Value is not null).ToDictionary()).ToArray<object>();
        (await client.PostEventsAsync(events)).EnsureSuccessStatusCode();
    }

    private static ILocator Lines(IPage page, string metric) => page.Locator($"[data-testid=chart-{metric}] path.apexcharts-line");

    [Theory]
    [InlineData("software", "latency_ms", "Latency")]
    [InlineData("input", "input_length", "Input length")]
    [InlineData("output", "ctr", "Click-through rate")]
    public async Task Page_PostedData_RendersItsChartWithTitleAndLines(string kind, string metric, string title)
    {
        await PostHistoryAsync(kind, metric);

        var page = await OpenAsync($"{kind}?model=asr&stage=recognizer");

        await Assertions.Expect(page.GetByTestId($"panel-{metric}")).ToContainTextAsync(title);
        await Assertions.Expect(Lines(page, metric).First).ToBeAttachedAsync();
        Assert.True(await Lines(page, metric).CountAsync() >= 1);
        Assert.StartsWith("M", await Lines(page, metric).First.GetAttributeAsync("d"));
    }

    [Fact]
    public async Task Software_EventsPostedWhileLive_ChartChangesWithinTwoSecondsWithoutReload()
    {
        await PostHistoryAsync("software", "qps");
        var page = await OpenAsync("software?model=asr&stage=recognizer&range=15m");
        await Assertions.Expect(Lines(page, "qps").First).ToBeAttachedAsync();
        var before = await Lines(page, "qps").First.GetAttributeAsync("d");
        await page.EvaluateAsync("window.__notReloaded = true");

        using var client = App.CreateRealClient();
        (await client.PostEventsAsync(EventJson.Event(model: "asr", stage: "recognizer", version: "v1", name: "qps", value: 5000))).EnsureSuccessStatusCode();

        await Assertions.Expect(Lines(page, "qps").First).Not.ToHaveAttributeAsync("d", before!, new() { Timeout = 2000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
        await Assertions.Expect(page.GetByTestId("last-update")).ToContainTextAsync("updated");
    }

    [Fact]
    public async Task Url_WithFilter_ReproducesTheSameView()
    {
        await PostHistoryAsync("software", "qps", "v1");
        await PostHistoryAsync("software", "qps", "v2");
        await PostHistoryAsync("software", "qps", "v1", model: "ranker");

        var page = await OpenAsync("software?model=asr&stage=recognizer&versions=v2&range=6h");

        await Assertions.Expect(page.GetByTestId("filter-bar")).ToContainTextAsync("asr");
        await Assertions.Expect(page.GetByTestId("filter-bar")).ToContainTextAsync("recognizer");
        await Assertions.Expect(page.GetByTestId("filter-range").Locator(".mud-toggle-item-selected")).ToHaveTextAsync("6h");
        var legend = page.Locator("[data-testid=chart-qps] .apexcharts-legend");
        await Assertions.Expect(legend).ToContainTextAsync("v2");
        await Assertions.Expect(legend).Not.ToContainTextAsync("v1");
    }

    [Fact]
    public async Task FilterChange_InTheBar_IsWrittenToTheUrl()
    {
        await PostHistoryAsync("software", "qps");
        var page = await OpenAsync("software?model=asr&stage=recognizer");

        await page.GetByTestId("filter-range").GetByText("24h").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("range=24h"));
        Assert.Contains("model=asr", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("filter-range").Locator(".mud-toggle-item-selected")).ToHaveTextAsync("24h");
    }

    [Fact]
    public async Task TagValueWithMarkup_ShownAsTextInTheLegend_NoScriptRuns()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        await PostHistoryAsync("software", "qps", tags: new() { ["host"] = Markup });
        var dialogs = 0;

        var page = await OpenAsync("software?model=asr&stage=recognizer");
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        var legend = page.Locator("[data-testid=chart-qps] .apexcharts-legend");
        await Assertions.Expect(legend).ToContainTextAsync(Markup);
        await Assertions.Expect(page.Locator("[data-testid=chart-qps] img")).ToHaveCountAsync(0);
        // the tooltip also shows the series name
        await page.Locator("[data-testid=chart-qps] svg.apexcharts-svg").HoverAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-qps] .apexcharts-tooltip")).ToContainTextAsync(Markup);
        await Assertions.Expect(page.Locator("[data-testid=chart-qps] img")).ToHaveCountAsync(0);
        Assert.Equal(0, dialogs);
    }
}
