using System.Diagnostics;
using Microsoft.Playwright;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>A metric a user-id tag split into 10,000 series: the chart draws its busiest, and a search finds the rest.</summary>
public sealed class LargeMetricBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int SeriesCount = 10_000;
    private const string Software = "software?model=asr&stage=asr&range=1h";

    public override async ValueTask InitializeAsync()
    {
        var store = await App.StartedPointStoreAsync();
        var now = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        // user u0..u9999; every hundredth user sends 3 points, the rest 1: the busiest are u0, u100, u200, ...
        for (var first = 0; first < SeriesCount; first += 1_000)
        {
            await store.AppendAsync([.. Enumerable.Range(first, 1_000).SelectMany(u => Enumerable.Range(0, u % 100 == 0 ? 3 : 1).Select(i =>
                new PointWrite(null, new SeriesKey { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "clicks", Tags = $"{{\"user\":\"u{u}\"}}" },
                    now + (i * 1_000), u)))], CancellationToken.None);
        }
    }

    private static ILocator Chart(IPage page) => page.GetByTestId("chart-clicks");

    [Fact]
    public async Task SoftwarePage_MetricWith10000Series_DrawsItsTopSeriesWithin3Seconds()
    {
        // The first visit after the app starts also JIT-compiles the query and chart paths: measure a user's visit, not that.
        var page = await OpenAsync(Software);
        await Assertions.Expect(Chart(page).Locator("path.apexcharts-line").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await GotoAsync(page, "input");
        var started = Stopwatch.StartNew();

        await GotoAsync(page, Software);
        await Assertions.Expect(Chart(page).Locator("path.apexcharts-line").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var elapsed = started.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"drawn after {elapsed.TotalSeconds:F1} s");
        await Assertions.Expect(page.GetByTestId("hidden-series-clicks")).ToContainTextAsync("of 10,000 series");
        Assert.Equal(20, await Chart(page).Locator(".apexcharts-series").CountAsync());
    }

    [Fact]
    public async Task SoftwarePage_SearchAHiddenSeriesByTagValue_AddsItToTheChart()
    {
        var page = await OpenAsync(Software);
        await Assertions.Expect(Chart(page).Locator("path.apexcharts-line").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(Chart(page)).ToHaveAttributeAsync("data-series-count", "20");

        // Wherever MudAutocomplete puts the test id (the input or its wrapper).
        await page.Locator("input[data-testid=find-series-clicks], [data-testid=find-series-clicks] input").First.FillAsync("u4321");
        await page.GetByRole(AriaRole.Option, new() { Name = "v1 {user=u4321}" }).ClickAsync();

        await Assertions.Expect(Chart(page)).ToHaveAttributeAsync("data-series-count", "21");
        await Assertions.Expect(page.GetByTestId("hidden-series-clicks")).ToContainTextAsync("of 10,000 series");
    }
}
