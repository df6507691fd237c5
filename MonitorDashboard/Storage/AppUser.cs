using Microsoft.AspNetCore.Identity;

namespace MonitorDashboard.Storage;

/// <summary>A person who signs in to the dashboard (ASP.NET Core Identity user).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled user cannot sign in and loses open sessions at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset Created { get; set; }
}
