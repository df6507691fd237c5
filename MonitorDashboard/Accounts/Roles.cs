namespace MonitorDashboard.Accounts;

/// <summary>
/// Who may do what. User roles form a ladder (each includes the rights of those below it);
/// <see cref="Ingest"/> stands apart: a service that may only post data.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Reviewer = "Reviewer";
    public const string Lead = "Lead";
    public const string Admin = "Admin";
    public const string Ingest = "Ingest";

    /// <summary>User roles, lowest first.</summary>
    public static readonly IReadOnlyList<string> UserRoles = [Viewer, Reviewer, Lead, Admin];

    /// <summary>Roles an API key may carry.</summary>
    public static readonly IReadOnlyList<string> KeyRoles = [Ingest, Viewer, Reviewer, Lead, Admin];

    /// <summary>The roles that hold at least the rights of <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => UserRoles.SkipWhile(r => r != role).ToArray();

    public static bool IsKnown(string role) => KeyRoles.Contains(role);
}
