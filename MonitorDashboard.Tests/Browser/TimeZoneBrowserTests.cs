using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>A new browser (no zone cookie yet) signs in: the very first page already speaks the viewer's zone.</summary>
public sealed class TimeZoneBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task FirstPageAfterSignIn_NewBrowser_ShowsTheBrowsersZoneFromTheFirstPaint()
    {
        const string Target = "deployments"; // its history table says which zone its times are in
        using var client = App.CreateRealClient();
        (await client.PostAsync("/api/v1/deployments", EventJson.Raw("""{"model":"asr","version":"v2","strategy":"canary"}"""))).EnsureSuccessStatusCode();
        var page = await NewPageAsync();
        // Every HTML document the server sends, as it was sent (the prerendered first paint, before any circuit).
        var documents = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
            {
                documents.Add(response);
            }
        };

        await page.GotoAsync(new Uri(App.Address, Target).ToString());
        await page.GetByLabel("User name").FillAsync(TestAccounts.AdminUser);
        await page.GetByLabel("Password").FillAsync(TestAccounts.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForInteractiveAsync();

        var firstPaint = await documents.Last().TextAsync();
        Assert.Contains("(Europe/Berlin)", firstPaint);
        Assert.DoesNotContain("(UTC)", firstPaint);
        await Assertions.Expect(page.GetByText("(UTC)")).ToHaveCountAsync(0);
    }
}
