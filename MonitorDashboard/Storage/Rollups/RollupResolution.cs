namespace MonitorDashboard.Storage.Rollups;

/// <summary>The bucket widths rollups are kept at, finest first. A stored rollup row names its width in milliseconds.</summary>
public static class RollupResolution
{
    public const long MinuteMs = 60_000;
    public const long HourMs = 3_600_000;

    public static readonly long[] All = [MinuteMs, HourMs];

    /// <summary>Start of the bucket holding <paramref name="timestampMs"/>, aligned to the Unix epoch (also before 1970).</summary>
    public static long BucketStart(long timestampMs, long widthMs) => timestampMs - (((timestampMs % widthMs) + widthMs) % widthMs);
}
