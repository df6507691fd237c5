using Microsoft.Playwright;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Browser;

public sealed class AccountsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Admin_CreatesReviewer_ReviewerSignsInAndIsRefusedTheAdminPage()
    {
        var admin = await OpenAsync("admin/users");

        await admin.GetByTestId("new-user-name").FillAsync("rita");
        await admin.GetByTestId("new-user-password").FillAsync("Reviewer-Pass-1");
        await admin.GetByTestId("new-user-role").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Reviewer" }).ClickAsync();
        await admin.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync("rita");

        var reviewer = await NewPageAsync();
        await reviewer.SignInAsync(App.Address, "rita", "Reviewer-Pass-1");
        await reviewer.GotoAsync(new Uri(App.Address, "admin/users").ToString());

        await Assertions.Expect(reviewer.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId("users-table")).ToHaveCountAsync(0);
        // the overview stays open to a reviewer
        await reviewer.GotoAsync(App.Address.ToString());
        await Assertions.Expect(reviewer.GetByText("Overview").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_LocksTheAccount()
    {
        var page = await NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync(new Uri(App.Address, "account/login").ToString());
            await page.GetByLabel("User name").FillAsync(TestAccounts.AdminUser);
            await page.GetByLabel("Password").FillAsync("wrong-password");
            await page.GetByTestId("login-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");

        // even the right password is refused while locked
        await page.GetByLabel("User name").FillAsync(TestAccounts.AdminUser);
        await page.GetByLabel("Password").FillAsync(TestAccounts.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");
    }

    [Fact]
    public async Task Overview_SignedIn_NoContentSecurityPolicyViolations()
    {
        var page = await NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.SignInAsync(App.Address);
        await GotoAsync(page, "");
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.GetByTestId("account-menu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("admin");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task SignOut_FromTheMenu_ReturnsToLoginAndPagesRequireSignInAgain()
    {
        var page = await OpenAsync();

        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();

        await page.GotoAsync(App.Address.ToString());
        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
    }
}
