using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>Turns bucketed series into chart lines: one per series (version, tags) and statistic, scaled for display.</summary>
public static class ChartLines
{
    /// <summary>Colours by version (in first-seen order, so production keeps the first colour).</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1e88e5", "#fb8c00", "#43a047", "#8e24aa", "#e53935", "#00acc1", "#6d4c41", "#3949ab"];

    /// <summary>Dash length per statistic: the first solid, then dashed, then dotted.</summary>
    private static readonly int[] Dashes = [0, 6, 2];

    /// <summary>Most series one chart draws: beyond this a metric is split by a tag, and its busiest series are drawn.</summary>
    public const int MaxSeriesPerChart = 20;

    /// <summary>The <paramref name="max"/> series with the most points in their buckets (ties: oldest series first), and how many are left out.</summary>
    public static (IReadOnlyList<SeriesBuckets> Shown, int Hidden) TopByVolume(
        IReadOnlyCollection<SeriesBuckets> series, int max = MaxSeriesPerChart, IReadOnlySet<long>? pinned = null)
    {
        if (series.Count <= max)
        {
            return (series.ToList(), 0);
        }
        // Series a user picked through the search are drawn besides the busiest ones.
        var shown = series.OrderByDescending(s => s.Buckets.Sum(b => b.Count)).ThenBy(s => s.Series.Id).Take(max)
            .Concat(series.Where(s => pinned?.Contains(s.Series.Id) == true)).DistinctBy(s => s.Series.Id).ToList();
        return (shown, series.Count - shown.Count);
    }

    public static IReadOnlyList<ChartSeries> From(IEnumerable<SeriesBuckets> series, MetricDefinition definition)
    {
        var ordered = series.OrderBy(s => s.Series.Id).ToList();
        var versions = ordered.Select(s => s.Series.Version).Distinct().ToList();
        return ordered
            .SelectMany(s => definition.Stats.Select((stat, i) => new ChartSeries(
                LineName(s.Series, stat, definition.Stats.Count > 1),
                s.Buckets.Select(b => ChartSeries.Point(b.Ts, definition.Display(b.Of(stat)))).ToList(),
                Palette[versions.IndexOf(s.Series.Version) % Palette.Count],
                Dashes[Math.Min(i, Dashes.Length - 1)])))
            .ToList();
    }

    /// <summary>"v2", "v2 p95", or with tags "v2 {region=eu} p95". Shown as text by the chart, never as HTML.</summary>
    public static string LineName(SeriesInfo series, BucketStat stat, bool withStat)
    {
        var name = series.Version;
        if (series.Tags.Count > 0)
        {
            name += " {" + string.Join(", ", series.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + "}";
        }
        return withStat ? $"{name} {stat.Label()}" : name;
    }
}
