namespace MonitorDashboard.Accounts;

/// <summary>Routes of the sign-in pages and endpoints (cookie options need them outside the components).</summary>
public static class AccountUrls
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string ChangePassword = "/account/password";
}
