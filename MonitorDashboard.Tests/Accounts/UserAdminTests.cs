using Microsoft.AspNetCore.Identity;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

public sealed class UserAdminTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private UserAdminService Admin => app.Services.GetRequiredService<UserAdminService>();

    private async Task<UserInfo> CreateAsync(string name, string role)
    {
        Assert.True((await Admin.CreateAsync(name, "Some-Pass-1", role, "tester")).Succeeded);
        return (await Admin.ListAsync()).Single(u => u.UserName == name);
    }

    [Fact]
    public async Task SetDisabled_LastActiveAdmin_IsRefused()
    {
        var admin = (await Admin.ListAsync()).Single(u => u.UserName == TestAccounts.AdminUser);

        var result = await Admin.SetDisabledAsync(admin.Id, true, "tester");

        Assert.False(result.Succeeded);
        Assert.Contains("last active admin", result.Errors[0]);
    }

    [Fact]
    public async Task SetDisabled_User_CannotSignInAndTheChangeIsAudited()
    {
        var user = await CreateAsync("dora", Roles.Viewer);

        Assert.True((await Admin.SetDisabledAsync(user.Id, true, "tester")).Succeeded);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<IUserConfirmation<AppUser>>().IsConfirmedAsync(users, stored!));
        var audit = await app.Services.GetRequiredService<AuditLog>().ListAsync(50);
        Assert.Contains(audit, e => e.Action == "user.disable" && e.Target == "user 'dora'" && e.Actor == "tester");
    }

    [Fact]
    public async Task SetRole_ToLead_ReplacesTheRoleAndRecordsOldAndNew()
    {
        var user = await CreateAsync("leo", Roles.Reviewer);

        Assert.True((await Admin.SetRoleAsync(user.Id, Roles.Lead, "tester")).Succeeded);

        Assert.Equal([Roles.Lead], (await Admin.ListAsync()).Single(u => u.UserName == "leo").Roles);
        var entry = (await app.Services.GetRequiredService<AuditLog>().ListAsync(50)).First(e => e.Action == "user.role");
        Assert.Equal(("Reviewer", "Lead"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task ResetPassword_TooWeak_ExplainsWhyAndKeepsTheOldOne()
    {
        var user = await CreateAsync("pia", Roles.Viewer);

        var result = await Admin.ResetPasswordAsync(user.Id, "short", "tester");

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
    }
}
