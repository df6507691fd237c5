namespace MonitorDashboard.Storage.Rollups;

/// <summary>The exact statistics of a stored rollup (its sketch travels beside it).</summary>
public readonly record struct RollupStatistics(long Count, double Sum, double Min, double Max, double Last, long LastMs);
