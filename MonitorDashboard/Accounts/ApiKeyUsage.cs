using System.Collections.Concurrent;

namespace MonitorDashboard.Accounts;

/// <summary>
/// Events each API key sent in the last minute, for the API keys page: an admin sees who uses the budget before
/// anyone meets the limit. In memory only (a restart forgets a minute of counts); one fixed ring per key.
/// </summary>
public sealed class ApiKeyUsage(TimeProvider time)
{
    /// <summary>"Now" is the average over this many seconds: one second alone jumps with every batch.</summary>
    public const int RateSeconds = 10;

    // Keys are rows an admin creates, so this is never reached in use; it bounds memory should that ever change.
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<long, UsageWindow> _keys = new();

    public void Record(long keyId, int accepted, int refused)
    {
        var second = CurrentSecond();
        if (_keys.Count >= MaxKeys && !_keys.ContainsKey(keyId))
        {
            ForgetIdle(second);
        }
        _keys.GetOrAdd(keyId, _ => new UsageWindow()).Add(second, accepted, refused);
    }

    public ApiKeyUsageSnapshot Snapshot(long keyId)
    {
        if (!_keys.TryGetValue(keyId, out var window))
        {
            return ApiKeyUsageSnapshot.None;
        }
        var now = CurrentSecond();
        var minute = window.Sum(now, UsageWindow.Seconds);
        var recent = window.Sum(now, RateSeconds);
        return new ApiKeyUsageSnapshot(minute.Accepted, minute.Refused, (double)recent.Accepted / RateSeconds);
    }

    private void ForgetIdle(long now)
    {
        foreach (var (id, window) in _keys)
        {
            if (window.LastSecond <= now - UsageWindow.Seconds)
            {
                _keys.TryRemove(id, out _);
            }
        }
    }

    private long CurrentSecond() => time.GetUtcNow().ToUnixTimeSeconds();
}
