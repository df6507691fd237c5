using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>Every point of a block lies in one window (an hour), so a range query finds its blocks on the (series, window) index.</summary>
public static class BlockWindow
{
    public const long WidthMs = RollupResolution.HourMs;

    public static long Of(long timestampMs) => RollupResolution.BucketStart(timestampMs, WidthMs);

    /// <summary>The first window a range from <paramref name="fromMs"/> reads; far enough back that the start would wrap around: every window.</summary>
    public static long FirstFor(long fromMs) => fromMs < long.MinValue + WidthMs ? long.MinValue : Of(fromMs);
}
