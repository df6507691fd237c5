using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>Loads the charts of a metric page (software, input or output) for a filter.</summary>
public sealed class MetricPanelService(SeriesQueryService queries)
{
    /// <summary>Every metric of this kind for the model and stage, ordered as teams expect (known metrics first).</summary>
    public async Task<IReadOnlyList<MetricPanel>> LoadAsync(string kind, DashboardFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter.Model is null)
        {
            return [];
        }
        var (from, to) = filter.Range.Resolve(now);
        var buckets = await queries.GetBucketsAsync(new SeriesFilter(filter.Model, null, filter.Stage, kind, null),
            from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), (long)filter.Range.Step.TotalMilliseconds, cancellationToken);
        return buckets
            .Where(b => filter.Versions.Count == 0 || filter.Versions.Contains(b.Series.Version))
            .GroupBy(b => b.Series.Name)
            .Select(g => (Definition: MetricCatalog.For(g.Key), Series: g))
            .OrderBy(p => p.Definition.Order).ThenBy(p => p.Definition.Name, StringComparer.Ordinal)
            .Select(p => new MetricPanel(p.Definition, ChartLines.From(p.Series, p.Definition)))
            .ToList();
    }

    /// <summary>The newest buckets of one metric (from the start of the bucket holding <paramref name="since"/>), for live appends.</summary>
    public async Task<IReadOnlyList<ChartSeries>> LoadTailAsync(string kind, string name, DashboardFilter filter, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stepMs = (long)filter.Range.Step.TotalMilliseconds;
        var fromMs = since.ToUnixTimeMilliseconds() / stepMs * stepMs;
        var buckets = await queries.GetBucketsAsync(new SeriesFilter(filter.Model, null, filter.Stage, kind, name),
            fromMs, now.ToUnixTimeMilliseconds() + 1, stepMs, cancellationToken);
        return ChartLines.From(buckets.Where(b => filter.Versions.Count == 0 || filter.Versions.Contains(b.Series.Version)), MetricCatalog.For(name));
    }

    /// <summary>Models, their stages and versions, for the filter bar.</summary>
    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? kind, CancellationToken cancellationToken) =>
        await queries.ListSeriesAsync(new SeriesFilter(Kind: kind), cancellationToken);
}
