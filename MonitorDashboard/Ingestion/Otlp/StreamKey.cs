using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>One cumulative stream: the series its deltas go to, and which OTLP data it is (a sum's value, a histogram's buckets).</summary>
public readonly record struct StreamKey(SeriesKey Series, string Data);
