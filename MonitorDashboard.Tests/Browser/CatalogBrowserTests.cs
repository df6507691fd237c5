using Microsoft.Playwright;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class CatalogBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    public override async ValueTask InitializeAsync()
    {
        await App.Services.GetRequiredService<UserAdminService>().CreateAsync("lena", "Lead-Pass-1", Roles.Lead, "test");
        using var client = App.CreateRealClient();
        var now = DateTimeOffset.UtcNow;
        (await client.PostEventsAsync([.. Enumerable.Range(1, 20).SelectMany(i => new[]
        {
            EventJson.Event(model: "asr", stage: "asr", name: "gpu_fan_rpm", value: 1200, ts: now.AddSeconds(-15 * i).ToString("O")),
            EventJson.Event(model: "asr", stage: "asr", name: "latency_ms", value: 50 + i, ts: now.AddSeconds(-15 * i).ToString("O")),
        })])).EnsureSuccessStatusCode();
    }

    private static ILocator Row(IPage page, string metric) => page.Locator("[data-testid=catalog-table] tr", new() { Has = page.GetByTestId("catalog-metric").GetByText(metric, new() { Exact = true }) });

    [Fact]
    public async Task Lead_ArchivesTheUnusedMetric_ItLeavesTheSoftwarePageAndRestoringBringsItBack()
    {
        var page = await OpenAsync("software?model=asr&stage=asr", "lena", "Lead-Pass-1");
        await Assertions.Expect(page.GetByTestId("panel-gpu_fan_rpm")).ToBeVisibleAsync();

        await GotoAsync(page, "catalog");
        await Assertions.Expect(Row(page, "gpu_fan_rpm").GetByTestId("catalog-status")).ToContainTextAsync("unused");
        await Assertions.Expect(Row(page, "latency_ms").GetByTestId("catalog-status")).Not.ToContainTextAsync("unused");
        await Row(page, "gpu_fan_rpm").GetByTestId("archive").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(page, "gpu_fan_rpm").GetByTestId("catalog-status")).ToContainTextAsync("archived");

        await GotoAsync(page, "software?model=asr&stage=asr");
        await Assertions.Expect(page.GetByTestId("panel-latency_ms")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("panel-gpu_fan_rpm")).ToHaveCountAsync(0);

        await GotoAsync(page, "catalog");
        await Row(page, "gpu_fan_rpm").GetByTestId("restore").ClickAsync();
        await Assertions.Expect(Row(page, "gpu_fan_rpm").GetByTestId("catalog-status")).Not.ToContainTextAsync("archived");
        await GotoAsync(page, "software?model=asr&stage=asr");
        await Assertions.Expect(page.GetByTestId("panel-gpu_fan_rpm")).ToBeVisibleAsync();
    }
}
