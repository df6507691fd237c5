using System.Globalization;
using MonitorDashboard.Drift;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>What the Drift page shows: the series to choose from, one comparison with its histograms, and the stored score over time.</summary>
public sealed class DriftBoardService(SeriesQueryService queries, DriftService drift)
{
    public static readonly TimeSpan ScoreHistory = TimeSpan.FromHours(6);
    private static readonly string[] VersionColors = ["#1e88e5", "#fb8c00", "#43a047", "#8e24aa"];

    /// <summary>Every series drift can be computed for (drift scores themselves left out).</summary>
    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(CancellationToken cancellationToken) =>
        (await queries.ListSeriesAsync(SeriesSelector.All, cancellationToken)).Where(s => !DriftWire.IsScoreMetric(s.Name)).ToList();

    public Task<DriftReport> CompareAsync(DriftQuery query, CancellationToken cancellationToken) => drift.CompareAsync(query, cancellationToken);

    /// <summary>The histogram bins as labels and the two windows' shares in percent.</summary>
    public static (IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Bars) Bars(DriftReport report)
    {
        if (report.Histogram is not { } histogram)
        {
            return ([], []);
        }
        var labels = Enumerable.Range(0, histogram.ReferenceShares.Length)
            .Select(i => $"{Short(histogram.Edges[i])}–{Short(histogram.Edges[i + 1])}").ToList();
        return (labels,
        [
            new BarSeries($"reference ({report.ReferenceN:N0})", histogram.ReferenceShares.Select(s => Math.Round(s * 100, 2)).ToList(), "#90a4ae"),
            new BarSeries($"current ({report.N:N0})", histogram.CurrentShares.Select(s => Math.Round(s * 100, 2)).ToList(), "#1e88e5"),
        ]);
    }

    /// <summary>The stored drift score of the metric (one line per version) over the last hours.</summary>
    public async Task<IReadOnlyList<ChartSeries>> ScoreHistoryAsync(SeriesSelector series, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = TimeSpan.FromMinutes(1);
        var buckets = await queries.GetBucketsAsync(series with { Name = DriftWire.ScoreMetric(series.Name ?? "") },
            (now - ScoreHistory).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() + 1, (long)step.TotalMilliseconds, cancellationToken);
        return buckets.GroupBy(b => b.Series.Version).Select((g, i) => new ChartSeries(
            $"{g.Key} drift score", g.SelectMany(b => b.Buckets).OrderBy(b => b.Ts).Select(b => ChartSeries.Point(b.Ts, Math.Round(b.Max, 3))).ToList(),
            VersionColors[i % VersionColors.Length])).ToList();
    }

    private static string Short(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
