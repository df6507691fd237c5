using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MonitorDashboard.Accounts;
using MonitorDashboard.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class AlarmsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    public override async ValueTask InitializeAsync()
    {
        var users = App.Services.GetRequiredService<UserAdminService>();
        await users.CreateAsync("lena", "Lead-Pass-1", Roles.Lead, "test");
        await users.CreateAsync("victor", "Viewer-Pass-1", Roles.Viewer, "test");
        await App.Services.GetRequiredService<AlarmRuleStore>().CreateAsync(new AlarmRule(0, "qps too high",
            new SeriesSelector { Name = "qps", Model = "asr", Stage = "recognizer" }, AlarmAggregation.Avg, TimeSpan.FromMinutes(1), AlarmComparator.GreaterThan,
            150, null, TimeSpan.Zero, NoDataPolicy.Ok, AlarmSeverity.Warning, true, null, null, null), "test");

        using var client = App.CreateRealClient();
        var now = DateTimeOffset.UtcNow;
        (await client.PostEventsAsync(Enumerable.Range(1, 30).Select(i => EventJson.Event(model: "asr", stage: "recognizer", version: "v1",
            name: "qps", value: 100 + (i % 5), ts: now.AddSeconds(-10 * i).ToString("O"))).ToArray())).EnsureSuccessStatusCode();
    }

    private static ILocator ThresholdLabel(IPage page) => page.Locator("[data-testid=chart-qps] .apexcharts-yaxis-annotations text");

    private static Task<string?> ThresholdY(IPage page) => page.Locator("[data-testid=chart-qps] .apexcharts-yaxis-annotations line").First.GetAttributeAsync("y1");

    [Fact]
    public async Task Lead_EditsThresholdWithBacktest_ThresholdLineMovesOnTheChart()
    {
        var page = await OpenAsync("software?model=asr&stage=recognizer&range=15m", "lena", "Lead-Pass-1");
        await Assertions.Expect(ThresholdLabel(page)).ToContainTextAsync("> 150");
        var before = await ThresholdY(page);

        await GotoAsync(page, "alarms");
        await page.GetByTestId("edit-rule").ClickAsync();
        var threshold = page.GetByTestId("rule-threshold");
        await threshold.FillAsync("102");
        await page.GetByTestId("run-backtest").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backtest-draft")).ToContainTextAsync("times");
        await Assertions.Expect(page.GetByTestId("backtest-current")).ToContainTextAsync("0 times");
        await page.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-condition")).ToContainTextAsync("> 102");

        await GotoAsync(page, "software?model=asr&stage=recognizer&range=15m");
        await Assertions.Expect(ThresholdLabel(page)).ToContainTextAsync("> 102");
        Assert.NotEqual(before, await ThresholdY(page));
    }

    [Fact]
    public async Task Viewer_SeesNoEditControls_AndTheApiRefusesChanges()
    {
        var page = await OpenAsync("alarms", "victor", "Viewer-Pass-1");

        await Assertions.Expect(page.GetByTestId("rule-name")).ToHaveTextAsync("qps too high");
        await Assertions.Expect(page.GetByTestId("new-rule")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("edit-rule")).ToHaveCountAsync(0);

        var viewerKey = (await App.Services.GetRequiredService<ApiKeyService>().CreateAsync("viewer", Roles.Viewer, "test")).Secret;
        using var api = new HttpClient { BaseAddress = App.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", viewerKey);
        var response = await api.PostAsJsonAsync("api/v1/alarms", new { name = "x", metric = "qps", threshold = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
