namespace MonitorDashboard.Storage.Accounts;

/// <summary>An API key. Only a SHA-256 hash of the secret is kept; the secret itself is shown once at creation.</summary>
public sealed class ApiKeyRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the full secret.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The first characters of the secret (not secret themselves), so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? LastUsed { get; set; }
    public DateTimeOffset? Revoked { get; set; }
}
