using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

/// <summary>Signs in through the real login form, as a user would.</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(this IPage page, Uri app, string userName = TestAccounts.AdminUser, string password = TestAccounts.AdminPassword)
    {
        await page.GotoAsync(new Uri(app, "account/login").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-submit")).ToHaveCountAsync(0);
    }

    /// <summary>Waits until the circuit is interactive: the layout shows the browser's time zone only then.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        // 15 s, not Playwright's 5: on 2 busy cores a circuit's first render has taken longer (a CI failure at 5 s).
        Assertions.Expect(page.GetByTestId("time-zone")).ToHaveTextAsync("Europe/Berlin", new() { Timeout = 15_000 });
}
