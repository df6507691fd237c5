namespace MonitorDashboard.Accounts;

/// <summary>What a key sent lately: events accepted and refused (rate limit) in the last minute, and the recent rate.</summary>
public sealed record ApiKeyUsageSnapshot(long EventsLastMinute, long RefusedLastMinute, double EventsPerSecondNow)
{
    public static readonly ApiKeyUsageSnapshot None = new(0, 0, 0);
}
