using Microsoft.AspNetCore.Identity;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Accounts;

/// <summary>Identity asks this before every sign-in (RequireConfirmedAccount): a disabled user may not sign in.</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
