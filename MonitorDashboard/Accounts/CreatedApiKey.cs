namespace MonitorDashboard.Accounts;

/// <summary>A new key and its secret, which exists only in this object and is shown to the admin once.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Secret);
