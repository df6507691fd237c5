using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>Which statistic of a bucket a chart line shows.</summary>
public enum BucketStat
{
    Avg,
    P50,
    P95,
    P99,
    Max,
    Sum,
    Count,
}

public static class BucketStats
{
    public static double Of(this Bucket bucket, BucketStat stat) => stat switch
    {
        BucketStat.Avg => bucket.Avg,
        BucketStat.P50 => bucket.P50,
        BucketStat.P95 => bucket.P95,
        BucketStat.P99 => bucket.P99,
        BucketStat.Max => bucket.Max,
        BucketStat.Sum => bucket.Sum,
        BucketStat.Count => bucket.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(stat), stat, null),
    };

    public static string Label(this BucketStat stat) => stat.ToString().ToLowerInvariant();
}
