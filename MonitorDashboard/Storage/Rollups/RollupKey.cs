namespace MonitorDashboard.Storage.Rollups;

/// <summary>One rollup row: a series, a resolution (bucket width) and the bucket's start.</summary>
public readonly record struct RollupKey(long SeriesId, long ResolutionMs, long BucketMs);
