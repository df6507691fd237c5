namespace MonitorDashboard.Dashboards;

/// <summary>
/// One chart of a metric page: the metric's definition and its lines (one per version and statistic). A metric split
/// into more series than a chart can show draws its busiest ones: <see cref="ShownSeriesIds"/> names them (live appends
/// stay on them) and <see cref="HiddenSeries"/> counts the rest; both are empty when every series is drawn.
/// </summary>
public sealed record MetricPanel(MetricDefinition Definition, IReadOnlyList<ChartSeries> Series, int HiddenSeries = 0, IReadOnlySet<long>? ShownSeriesIds = null);
