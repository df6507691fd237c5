using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Accounts;

/// <summary>
/// The per-key limit on what costs us: events (and predictions) per second, one token bucket per key (or signed-in user),
/// so one runaway client cannot starve the others. Requests are not counted: one event per request is ordinary telemetry.
/// Checked after parsing (only then is the count known) and before anything is queued, so a refused batch stores nothing.
/// </summary>
public sealed class IngestBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ApiKeyUsage _usage;
    private readonly int _burst;

    public IngestBudget(IOptions<AuthOptions> options, ApiKeyUsage usage)
    {
        var auth = options.Value;
        _usage = usage;
        _burst = auth.IngestEventBurst;
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = auth.IngestEventBurst,
                TokensPerPeriod = auth.IngestEventsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes <paramref name="events"/> from the caller's bucket; false with the wait when the bucket holds too few.</summary>
    public bool TryTake(ClaimsPrincipal user, int events, out TimeSpan retryAfter)
    {
        // A batch larger than the whole bucket could never pass; it takes the full bucket instead, so it goes through
        // only when the key has been quiet for a full burst and the next request waits for a whole refill.
        using var lease = _limiter.AttemptAcquire(PartitionKey(user), Math.Min(Math.Max(events, 1), _burst));
        var keyId = KeyId(user);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            if (keyId is { } id)
            {
                _usage.Record(id, events, 0);
            }
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        if (keyId is { } refusedId)
        {
            _usage.Record(refusedId, 0, events);
        }
        return false;
    }

    private static long? KeyId(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string PartitionKey(ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId ? $"key:{keyId}"
        : user.Identity?.Name is { } name ? $"user:{name}"
        : "anonymous";

    public void Dispose() => _limiter.Dispose();
}
