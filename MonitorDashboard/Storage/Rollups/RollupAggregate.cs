namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Count, sum, min, max, newest value and a quantile sketch of the points of one series in one bucket:
/// everything a chart bucket needs, and mergeable, so 1-minute rollups add up to any longer bucket.
/// </summary>
public sealed class RollupAggregate
{
    public long Count { get; private set; }
    public double Sum { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public double Last { get; private set; }
    public long LastMs { get; private set; } = long.MinValue;
    public QuantileSketch Sketch { get; } = new();

    public void Add(long timestampMs, double value)
    {
        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        // ">=": of two points in the same millisecond the later-stored one is the newest, as in the raw table.
        if (timestampMs >= LastMs)
        {
            LastMs = timestampMs;
            Last = value;
        }
        Sketch.Add(value);
    }

    public void Merge(RollupStatistics stored, ReadOnlySpan<byte> sketch)
    {
        Count += stored.Count;
        Sum += stored.Sum;
        Min = Math.Min(Min, stored.Min);
        Max = Math.Max(Max, stored.Max);
        if (stored.LastMs >= LastMs)
        {
            LastMs = stored.LastMs;
            Last = stored.Last;
        }
        Sketch.MergeBytes(sketch);
    }
}
