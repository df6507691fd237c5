namespace MonitorDashboard.Storage;

/// <summary>One measured value of a series at a moment (Unix milliseconds, UTC: SQLite cannot order DateTimeOffset).</summary>
public sealed class PointRow
{
    public long Id { get; set; }
    public long SeriesId { get; set; }
    public long TimestampMs { get; set; }
    public double Value { get; set; }
}
