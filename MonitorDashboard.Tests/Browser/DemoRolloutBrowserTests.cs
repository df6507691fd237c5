using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>
/// The Deployments and Drift pages on what a newcomer sees after <c>dotnet run</c>: the demo's back-filled hour with the
/// asr v2 canary story and the input-length drift incident (seeded, so every run draws the same traffic).
/// </summary>
public sealed class DemoRolloutBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly Regex AtLeastTwo = new(@"^([2-9]|\d{2,})(\.\d+)?$");
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };

    public override ValueTask InitializeAsync()
    {
        App.Settings["Demo:Enabled"] = "true";
        App.Settings["Demo:Seed"] = "42";
        App.Settings["Canary:EvaluationSeconds"] = "2";
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Deployments_DemoCanary_ShowsTheComparisonRecommendationAndTheRollbackWithItsReason()
    {
        var page = await OpenAsync("deployments");

        var active = page.GetByTestId("active-table");
        await Assertions.Expect(active).ToContainTextAsync("voice-search / asr", new() { Timeout = 60_000 });
        await Assertions.Expect(active.GetByTestId("traffic")).ToHaveTextAsync("25 %");
        await Assertions.Expect(active.GetByTestId("recommendation")).ToBeVisibleAsync(Visible);
        var rollback = page.GetByTestId("history-table").Locator("tr", new() { Has = page.GetByTestId("history-action").GetByText("rollback") });
        await Assertions.Expect(rollback).ToContainTextAsync("latency_ms worse");
        await Assertions.Expect(page.GetByTestId("production-version")).ToHaveTextAsync("v1");

        await active.GetByTestId("open-deployment").ClickAsync();

        await Assertions.Expect(page.GetByTestId("analysis-summary")).ToBeVisibleAsync(Visible);
        var recommendation = await page.GetByTestId("analysis-summary").GetByTestId("recommendation").TextContentAsync();
        Assert.Contains(recommendation?.Trim(), new[] { "promote", "hold", "rollback" });
        await Assertions.Expect(page.GetByTestId("recommendation-reason")).Not.ToBeEmptyAsync();
        var latencyRow = page.GetByTestId("analysis-table").Locator("tr", new() { Has = page.GetByTestId("metric-name").GetByText("latency_ms", new() { Exact = true }) });
        await Assertions.Expect(latencyRow).ToContainTextAsync("p95");
        await Assertions.Expect(latencyRow.GetByTestId("verdict-latency_ms")).ToHaveTextAsync(new Regex("pass|better|worse"));
        await Assertions.Expect(page.GetByTestId("events-table")).ToContainTextAsync("demo-cd");

        // Every deployment step is a marker on the chart; its label tells who did what, and when.
        var marker = page.Locator(".md-marker-label").Last;
        await Assertions.Expect(marker).ToHaveTextAsync("v2 25%");
        await marker.HoverAsync();
        await Assertions.Expect(page.GetByTestId("annotation-tip")).ToContainTextAsync("traffic to 25% by demo-cd");
    }

    [Fact]
    public async Task DeploymentDetail_LeadSetsADirectionThenRollsBackWithANote_BothAreKept()
    {
        var page = await OpenAsync("deployments");
        // Once the back-filled story is in (the first canary rolled back), the second one is the active candidate.
        await Assertions.Expect(page.GetByTestId("history-table")).ToContainTextAsync("latency_ms worse", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("active-table").GetByTestId("traffic")).ToHaveTextAsync("25 %", new() { Timeout = 60_000 });
        await page.GetByTestId("active-table").GetByTestId("open-deployment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveTextAsync("active", new() { Timeout = 30_000 });

        await page.GetByTestId("direction-memory_mb").SelectOptionAsync("two-sided");
        using var client = App.CreateRealClient();
        await Eventually.TrueAsync(async () => (await (await client.GetAsync("/api/v1/metrics/directions")).ReadJsonAsync())
            .TryGetProperty("memory_mb", out var direction) && direction.GetString() == "two-sided", TimeSpan.FromSeconds(30), "the direction is saved");
        await Assertions.Expect(page.GetByTestId("direction-memory_mb")).ToHaveValueAsync("two-sided", new() { Timeout = 15_000 });

        await page.GetByLabel("Note (why)").FillAsync("p99 too high for the night shift");
        await page.GetByTestId("rollback").ClickAsync();

        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveTextAsync("rolled-back");
        await Assertions.Expect(page.GetByTestId("events-table")).ToContainTextAsync("p99 too high for the night shift");
        await Assertions.Expect(page.GetByTestId("rollback")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Drift_DemoInputLengthIncident_ShowsBothHistogramsAndAScoreThatRoseDuringIt()
    {
        var page = await OpenAsync("drift?model=voice-search&stage=vad&version=v1&name=input_length");

        var histogram = page.GetByTestId("drift-histogram");
        await Assertions.Expect(histogram).ToHaveAttributeAsync("data-series-count", "2", new() { Timeout = 60_000 });
        await Assertions.Expect(histogram.Locator("path.apexcharts-bar-area").First).ToBeAttachedAsync();
        Assert.Equal(2, await histogram.Locator(".apexcharts-series").CountAsync());
        await Assertions.Expect(page.GetByTestId("drift-verdict")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("drift-threshold")).Not.ToHaveTextAsync("—");

        // The scripted incident 18 to 14 minutes before start: the score is below 1 before it and well above 1 during it.
        // The page refreshes itself; the demo scores its back-filled hour shortly after start.
        await Assertions.Expect(page.GetByTestId("drift-score-peak")).ToHaveAttributeAsync("data-value", AtLeastTwo, new() { Timeout = 90_000 });
        var first = double.Parse((await page.GetByTestId("drift-score-first").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.True(first < 1, $"score before the incident {first}");
        await Assertions.Expect(page.GetByTestId("drift-score-chart").Locator("path.apexcharts-line").First).ToBeAttachedAsync();
    }
}
