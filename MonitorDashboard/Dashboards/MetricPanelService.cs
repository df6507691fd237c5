using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Catalog;

namespace MonitorDashboard.Dashboards;

/// <summary>Loads the charts of a metric page (software, input or output) for a filter.</summary>
public sealed class MetricPanelService(SeriesQueryService queries, MetricArchiveStore archive)
{
    /// <summary>Every metric of this kind for the model and stage, ordered as teams expect (known metrics first); archived metrics are left out.</summary>
    /// <param name="pinned">Per metric, series a user added to its chart through the search (drawn besides the busiest).</param>
    public async Task<IReadOnlyList<MetricPanel>> LoadAsync(
        string kind, DashboardFilter filter, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlyDictionary<string, IReadOnlySet<long>>? pinned = null)
    {
        if (filter.Model is null)
        {
            return [];
        }
        var (from, to) = filter.Range.Resolve(now);
        var buckets = await queries.GetBucketsAsync(new SeriesSelector { Model = filter.Model, Stage = filter.Stage, Kind = kind },
            from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), (long)filter.Range.Step.TotalMilliseconds, cancellationToken);
        var archived = await archive.ListAsync(cancellationToken);
        return buckets
            .Where(b => filter.Versions.Count == 0 || filter.Versions.Contains(b.Series.Version))
            .Where(b => !archived.Contains((b.Series.Model, b.Series.Name)))
            .GroupBy(b => b.Series.Name)
            .Select(g => (Definition: MetricCatalog.For(g.Key), Series: g))
            .OrderBy(p => p.Definition.Order).ThenBy(p => p.Definition.Name, StringComparer.Ordinal)
            .Select(p =>
            {
                var all = p.Series.ToList();
                var (shown, hidden) = ChartLines.TopByVolume(all, pinned: pinned?.GetValueOrDefault(p.Definition.Name));
                if (hidden == 0)
                {
                    return new MetricPanel(p.Definition, ChartLines.From(shown, p.Definition));
                }
                var shownIds = shown.Select(s => s.Series.Id).ToHashSet();
                return new MetricPanel(p.Definition, ChartLines.From(shown, p.Definition), hidden, shownIds,
                    all.Where(s => !shownIds.Contains(s.Series.Id)).Select(s => s.Series).ToList());
            })
            .ToList();
    }

    /// <summary>
    /// The newest buckets (from the start of the bucket holding <paramref name="since"/>) of the given metrics, for live
    /// appends: one query for all of them, however many charts the page shows. A chart that draws only its busiest
    /// series (<see cref="MetricPanel.ShownSeriesIds"/>, by metric in <paramref name="shownOnly"/>) gets appends for those only.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ChartSeries>>> LoadTailsAsync(
        string kind, IReadOnlySet<string> names, DashboardFilter filter, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, IReadOnlySet<long>>? shownOnly = null)
    {
        var stepMs = (long)filter.Range.Step.TotalMilliseconds;
        var fromMs = since.ToUnixTimeMilliseconds() / stepMs * stepMs;
        var buckets = await queries.GetBucketsAsync(new SeriesSelector { Model = filter.Model, Stage = filter.Stage, Kind = kind, Name = names.Count == 1 ? names.First() : null },
            fromMs, now.ToUnixTimeMilliseconds() + 1, stepMs, cancellationToken);
        return buckets
            .Where(b => names.Contains(b.Series.Name) && (filter.Versions.Count == 0 || filter.Versions.Contains(b.Series.Version)))
            .Where(b => shownOnly is null || !shownOnly.TryGetValue(b.Series.Name, out var ids) || ids.Contains(b.Series.Id))
            .GroupBy(b => b.Series.Name)
            .ToDictionary(g => g.Key, g => ChartLines.From(g, MetricCatalog.For(g.Key)));
    }

    /// <summary>
    /// Models, their stages and versions, for the filter bar: one entry each, so the lists stay short and fast when a tag
    /// splits a metric into thousands of series.
    /// </summary>
    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? kind, CancellationToken cancellationToken) =>
        await queries.ListPipelinesAsync(new SeriesSelector { Kind = kind }, cancellationToken);
}
