using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MonitorDashboard.ScaleOut;

namespace MonitorDashboard.Accounts;

/// <summary>
/// Users whose security stamp changed lately (disabled, new role, password reset), here or on another instance. A
/// cookie issued before the change is checked against the database on its next request, instead of once the
/// validation interval (a minute) has passed: a disabled user is signed out on every instance within about a second.
/// </summary>
public sealed class SessionRechecks(TimeProvider time, IOptions<SecurityStampValidatorOptions> validator, IInstanceBroadcast broadcast)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _changedAt = new();

    /// <summary>Marks the change here and tells the other instances.</summary>
    public void Changed(string userId)
    {
        Mark(userId);
        broadcast.Publish(BroadcastTopic.UserSessionsChanged, userId);
    }

    public void Mark(string userId) => _changedAt[userId] = time.GetUtcNow();

    /// <summary>
    /// An issue time old enough that the security-stamp validator checks the cookie now; unlike no issue time at all it
    /// lets the validator renew the cookie, so the user is checked once, not on every request of the next minute.
    /// </summary>
    public DateTimeOffset OverdueIssueTime() => time.GetUtcNow() - validator.Value.ValidationInterval - TimeSpan.FromSeconds(1);

    /// <summary>True for a cookie issued before its user's last change, while the regular validation would not yet look.</summary>
    public bool MustRecheck(string? userId, DateTimeOffset? issuedUtc)
    {
        if (userId is null || !_changedAt.TryGetValue(userId, out var changedAt))
        {
            return false;
        }
        if (time.GetUtcNow() - changedAt > validator.Value.ValidationInterval)
        {
            // Past the interval the regular validation checks every cookie anyway.
            _changedAt.TryRemove(userId, out _);
            return false;
        }
        return issuedUtc is null || issuedUtc < changedAt;
    }
}
