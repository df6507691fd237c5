namespace MonitorDashboard.Storage;

/// <summary>Statistics of the points of one series within [Ts, Ts + step); <see cref="Last"/> is the newest value.</summary>
public sealed record Bucket(DateTimeOffset Ts, long Count, double Sum, double Min, double Max, double Avg, double P50, double P95, double P99, double Last);
