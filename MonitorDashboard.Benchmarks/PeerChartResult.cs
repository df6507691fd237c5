namespace MonitorDashboard.Benchmarks;

/// <summary>InfluxDB on the chart phase's points: how long loading took, its answers per range, its memory and data size.</summary>
public sealed record PeerChartResult(TimeSpan Load, IReadOnlyList<ChartQueryResult> Queries, long? PeakResidentBytes, long DataBytes);
