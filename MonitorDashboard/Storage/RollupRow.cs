namespace MonitorDashboard.Storage;

/// <summary>
/// Aggregates of one series over one bucket of <see cref="ResolutionMs"/> (1 minute or 1 hour) starting at
/// <see cref="BucketMs"/>; <see cref="Sketch"/> is a serialized <c>QuantileSketch</c>. Long ranges are charted from these.
/// </summary>
public sealed class RollupRow
{
    public long SeriesId { get; set; }
    public long ResolutionMs { get; set; }
    public long BucketMs { get; set; }
    public long Count { get; set; }
    public double Sum { get; set; }
    public double Min { get; set; }
    public double Max { get; set; }
    public double Last { get; set; }
    public long LastMs { get; set; }
    public byte[] Sketch { get; set; } = [];
}
