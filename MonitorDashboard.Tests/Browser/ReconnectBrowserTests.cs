using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>A dropped connection (a flaky network, a proxy restart) rejoins the same circuit; live charts go on without a reload.</summary>
public sealed class ReconnectBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static ILocator Lines(IPage page) => page.Locator("[data-testid=chart-qps] path.apexcharts-line");

    [Fact]
    public async Task Software_ConnectionDroppedAndBack_LiveUpdatesResumeWithoutReload()
    {
        using var client = App.CreateRealClient();
        var now = DateTimeOffset.UtcNow;
        (await client.PostEventsAsync(Enumerable.Range(1, 10).Select(i => EventJson.Event(model: "asr", stage: "recognizer", version: "v1", name: "qps",
            value: 100 + i, ts: now.AddSeconds(-15 * i).ToString("O"))).ToArray())).EnsureSuccessStatusCode();
        var page = await OpenAsync("software?model=asr&stage=recognizer&range=15m");
        await Assertions.Expect(Lines(page).First).ToBeAttachedAsync();
        await page.EvaluateAsync("window.__notReloaded = true");

        // What Blazor's own end-to-end tests use to drop the circuit's connection; the client then rejoins by itself.
        // A fast rejoin may open and close the reconnect dialog between two polls, so record that it opened at all.
        await page.EvaluateAsync("""
            () => {
                const dialog = document.getElementById('components-reconnect-modal');
                window.__reconnectShown = false;
                new MutationObserver(() => { if (dialog.open) window.__reconnectShown = true; }).observe(dialog, { attributes: true });
            }
            """);
        await page.EvaluateAsync("Blazor._internal.forceCloseConnection()");
        await page.WaitForFunctionAsync("window.__reconnectShown === true");
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 15_000 });

        var before = await Lines(page).First.GetAttributeAsync("d");
        (await client.PostEventsAsync(EventJson.Event(model: "asr", stage: "recognizer", version: "v1", name: "qps", value: 5000))).EnsureSuccessStatusCode();

        await Assertions.Expect(Lines(page).First).Not.ToHaveAttributeAsync("d", before!, new() { Timeout = 5000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "the page must not have reloaded");
    }
}
