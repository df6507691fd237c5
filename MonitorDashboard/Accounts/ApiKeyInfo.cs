namespace MonitorDashboard.Accounts;

/// <summary>An API key as the admin page shows it (never the secret).</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Role, string Prefix, string CreatedBy, DateTimeOffset Created, DateTimeOffset? LastUsed, DateTimeOffset? Revoked)
{
    public bool IsActive => Revoked is null;
}
