namespace MonitorDashboard.Dashboards;

/// <summary>One chart of a metric page: the metric's definition and its lines (one per version and statistic).</summary>
public sealed record MetricPanel(MetricDefinition Definition, IReadOnlyList<ChartSeries> Series);
