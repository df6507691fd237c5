namespace MonitorDashboard.Storage;

/// <summary>One point to append. <see cref="EventId"/>, when set, makes the write idempotent.</summary>
public readonly record struct PointWrite(string? EventId, SeriesKey Series, long TimestampMs, double Value);
