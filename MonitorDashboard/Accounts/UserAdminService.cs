using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Accounts;

/// <summary>
/// User administration for the admin pages. Each call uses its own DI scope (and so its own short-lived
/// database context), because a Blazor circuit lives far longer than a context should.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, AuditLog audit, SessionRechecks sessions, TimeProvider time)
{
    public async Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var result = new List<UserInfo>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            result.Add(new UserInfo(user.Id, user.UserName!, Roles.UserRoles.Where(roles.Contains).ToList(), user.IsDisabled,
                user.LockoutEnd > now, user.Created));
        }
        return result;
    }

    public async Task<AccountResult> CreateAsync(string userName, string password, string role, string actor)
    {
        if (!Roles.UserRoles.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName.Trim(), Created = time.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return ToResult(created);
        }
        await users.AddToRoleAsync(user, role);
        await audit.RecordAsync(actor, "user.create", $"user '{user.UserName}'", null, $"role {role}");
        return AccountResult.Success;
    }

    public async Task<AccountResult> SetRoleAsync(string userId, string role, string actor)
    {
        if (!Roles.UserRoles.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'.");
        }
        return await WithUserAsync(userId, async (users, user) =>
        {
            var old = await users.GetRolesAsync(user);
            if (old.Contains(Roles.Admin) && role != Roles.Admin && await IsLastActiveAdminAsync(users, user))
            {
                return AccountResult.Fail("This is the last active admin; make someone else admin first.");
            }
            await users.RemoveFromRolesAsync(user, old);
            await users.AddToRoleAsync(user, role);
            // A new security stamp ends the user's open sessions at their next revalidation, so the new role applies.
            await users.UpdateSecurityStampAsync(user);
            sessions.Changed(user.Id);
            await audit.RecordAsync(actor, "user.role", $"user '{user.UserName}'", string.Join(",", old), role);
            return AccountResult.Success;
        });
    }

    public Task<AccountResult> SetDisabledAsync(string userId, bool disabled, string actor) => WithUserAsync(userId, async (users, user) =>
    {
        if (disabled && (await users.GetRolesAsync(user)).Contains(Roles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            return AccountResult.Fail("This is the last active admin; it cannot be disabled.");
        }
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        sessions.Changed(user.Id);
        await audit.RecordAsync(actor, disabled ? "user.disable" : "user.enable", $"user '{user.UserName}'",
            disabled ? "enabled" : "disabled", disabled ? "disabled" : "enabled");
        return AccountResult.Success;
    });

    public Task<AccountResult> ResetPasswordAsync(string userId, string newPassword, string actor) => WithUserAsync(userId, async (users, user) =>
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return ToResult(reset);
        }
        await users.SetLockoutEndDateAsync(user, null);
        // ResetPasswordAsync gave the user a new security stamp: sessions signed in with the old password end now.
        sessions.Changed(user.Id);
        // The password itself never goes into the audit log.
        await audit.RecordAsync(actor, "user.password-reset", $"user '{user.UserName}'", null, null);
        return AccountResult.Success;
    });

    /// <summary>Runs a change on one user in a scope of its own; a user deleted meanwhile is reported, not thrown.</summary>
    private async Task<AccountResult> WithUserAsync(string userId, Func<UserManager<AppUser>, AppUser, Task<AccountResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? AccountResult.Fail("The user no longer exists.") : await change(users, user);
    }

    private static async Task<bool> IsLastActiveAdminAsync(UserManager<AppUser> users, AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.All(a => a.Id == user.Id || a.IsDisabled);
    }

    private static AccountResult ToResult(IdentityResult result) => new(result.Errors.Select(e => e.Description).ToList());
}
