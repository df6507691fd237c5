using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class ReviewBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    public override async ValueTask InitializeAsync()
    {
        await App.Services.GetRequiredService<UserAdminService>().CreateAsync("rita", "Reviewer-Pass-1", Roles.Reviewer, "test");
        using var client = App.CreateRealClient();
        var predictions = Enumerable.Range(1, 4).Select(i => new
        {
            id = $"p{i}", model = "asr", input = new { audio = $"https://audio.example/p{i}.wav" },
            production = new { output = new { text = $"call number {i}" }, source = "human" },
            shadow = new { output = new { text = $"call number {i + 10}" }, version = "v2", confidence = 0.5 + (i / 10.0) },
        });
        (await client.PostAsJsonAsync("api/v1/predictions", predictions)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Reviewer_LabelsThreeWithTheKeyboardAndUndoesOne_ExportHoldsExactlyTheLabelsGiven()
    {
        var page = await OpenAsync("review", "rita", "Reviewer-Pass-1");
        var seen = new List<string>();

        foreach (var key in new[] { "1", "2", "1" })
        {
            await Assertions.Expect(page.GetByTestId("labeling-panel")).ToBeFocusedAsync();
            var current = await page.GetByTestId("production-output").InnerTextAsync();
            seen.Add(current);
            await page.Keyboard.PressAsync(key);
            await Assertions.Expect(page.GetByTestId("production-output")).Not.ToHaveTextAsync(current);
        }
        await Assertions.Expect(page.GetByTestId("labelled-by-me")).ToHaveTextAsync("3");

        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(page.GetByTestId("labelled-by-me")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("production-output")).ToHaveTextAsync(seen[2]);

        using var client = App.CreateRealClient();
        var lines = (await client.GetStringAsync("api/v1/review/export?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var exported = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("production").GetProperty("output").GetProperty("text").GetString()!, e => e.GetProperty("verdict").GetString());
        Assert.Equal(2, exported.Count);
        Assert.Equal("production", exported[seen[0].Split('\n').Last().Trim()]);
        Assert.Equal("shadow", exported[seen[1].Split('\n').Last().Trim()]);
        Assert.All(lines, l => Assert.Contains("\"reviewer\":\"rita\"", l));
    }
}
