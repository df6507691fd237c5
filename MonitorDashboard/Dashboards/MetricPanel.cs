using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>
/// One chart of a metric page: the metric's definition and its lines (one per version and statistic). A metric split
/// into more series than a chart can show draws its busiest ones: <see cref="ShownSeriesIds"/> names them (live appends
/// stay on them) and <see cref="HiddenSeries"/> counts the rest, which <see cref="FindHidden"/> searches; all are empty when
/// every series is drawn.
/// </summary>
public sealed record MetricPanel(
    MetricDefinition Definition, IReadOnlyList<ChartSeries> Series, int HiddenSeries = 0, IReadOnlySet<long>? ShownSeriesIds = null,
    IReadOnlyList<SeriesInfo>? Hidden = null)
{
    /// <summary>
    /// Hidden series with a tag value (or version) containing <paramref name="text"/>, at most <paramref name="max"/>: a
    /// search box lists a page of matches, never thousands of entries. Held in memory already, so no query per keystroke.
    /// </summary>
    public IReadOnlyList<SeriesInfo> FindHidden(string? text, int max = 20) =>
        (Hidden ?? [])
            .Where(s => string.IsNullOrWhiteSpace(text) || s.Version.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Tags.Values.Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Take(max)
            .ToList();
}
