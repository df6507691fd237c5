namespace MonitorDashboard.Storage;

/// <summary>
/// Aggregates of one series over one bucket of <see cref="ResolutionMs"/> (1 minute or 1 hour) starting at
/// <see cref="BucketMs"/>: count, sum, min, max, newest value and a quantile sketch, packed by <c>RollupCodec</c>.
/// Long ranges are charted from these.
/// </summary>
public sealed class RollupRow
{
    public long SeriesId { get; set; }
    public long ResolutionMs { get; set; }
    public long BucketMs { get; set; }
    public byte[] Data { get; set; } = [];
}
