namespace MonitorDashboard.Storage.Deployments;

/// <summary>Which way a metric gets worse, keyed by metric name; <see cref="Direction"/> is the wire string.</summary>
public sealed class MetricDirectionRow
{
    public required string Name { get; set; }
    public required string Direction { get; set; }
    public required string UpdatedBy { get; set; }
    public long UpdatedMs { get; set; }
}
