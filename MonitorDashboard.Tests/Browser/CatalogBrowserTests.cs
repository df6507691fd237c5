using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task Lead_DeletesAMetric_ItsPointsLeaveTheQueryApi_AMetricAnAlarmRuleReadsCannotBeDeleted()
    {
        using var client = App.CreateRealClient();
        (await client.PostAsJsonAsync("/api/v1/alarms", new { name = "slow", model = "asr", metric = "latency_ms", aggregation = "max", window = "1m", comparator = ">", threshold = 500 }))
            .EnsureSuccessStatusCode();
        var page = await OpenAsync("catalog", "lena", "Lead-Pass-1");

        await Assertions.Expect(Row(page, "latency_ms").GetByTestId("delete")).ToBeDisabledAsync();
        await Row(page, "gpu_fan_rpm").GetByTestId("delete").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("catalog-metric").GetByText("gpu_fan_rpm", new() { Exact = true })).ToHaveCountAsync(0);

        var range = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model=asr&name=gpu_fan_rpm&{range}")).EnumerateArray());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model=asr&name=latency_ms&{range}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync("/api/v1/catalog/asr/latency_ms")).StatusCode);
    }
}
