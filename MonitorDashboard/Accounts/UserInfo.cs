namespace MonitorDashboard.Accounts;

/// <summary>A user as the admin page shows it.</summary>
public sealed record UserInfo(string Id, string UserName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTimeOffset Created);
