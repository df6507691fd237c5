using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>Where and when one accepted data point is stored.</summary>
public readonly record struct PointTarget(SeriesKey Series, long TimestampMs);
