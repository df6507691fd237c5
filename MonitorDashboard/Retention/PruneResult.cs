namespace MonitorDashboard.Retention;

/// <summary>What one retention pass deleted; <see cref="FreePagesLeft"/> is 0 once the file gave back every freed page.</summary>
public sealed record PruneResult(long Points, long MinuteRollups, long HourRollups, long EventIds, long FreePagesLeft)
{
    public long Rows => Points + MinuteRollups + HourRollups + EventIds;
}
