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

    /// <summary>
    /// Events (and predictions) per second per API key, the token bucket's refill. Events, not requests, are what cost
    /// storage; the default is above what one busy service sends, so only a runaway client meets it.
    /// </summary>
    [Range(1, 10_000_000)]
    public int IngestEventsPerSecond { get; set; } = 20_000;

    /// <summary>Events a key may send at once above the steady rate (the bucket's size).</summary>
    [Range(1, 10_000_000)]
    public int IngestEventBurst { get; set; } = 40_000;

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 5;
}
