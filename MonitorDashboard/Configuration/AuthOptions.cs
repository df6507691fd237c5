using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Sign-in, first start and rate limits (section <c>Auth</c>).</summary>
public sealed class AuthOptions : ISectionOptions
{
    public static string Section => "Auth";

    /// <summary>Password of the <c>admin</c> user created when no user exists; when empty one is generated and printed once.</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>When set, this secret is registered as an Admin API key at start-up (automation, tests).</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>Ingestion requests per second per API key (token bucket refill).</summary>
    [Range(1, 1_000_000)]
    public int IngestRequestsPerSecond { get; set; } = 200;

    /// <summary>Requests a key may burst above the steady rate.</summary>
    [Range(1, 1_000_000)]
    public int IngestBurst { get; set; } = 400;

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 5;
}
