using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>Computes the overview: per model, stage and version the current QPS, p95 latency, error rate and a latency sparkline.</summary>
public sealed class PipelineSummaryService(SeriesQueryService queries)
{
    public static readonly TimeSpan CurrentWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SparklineWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SparklineStep = TimeSpan.FromMinutes(1);
    private const string Software = "software";

    public async Task<IReadOnlyList<PipelineSummary>> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await queries.ListSeriesAsync(SeriesSelector.All, cancellationToken);
        var result = new List<PipelineSummary>();
        var toMs = now.ToUnixTimeMilliseconds() + 1;
        foreach (var model in PipelineLayout.Models(all))
        {
            var current = await queries.GetBucketsAsync(new SeriesSelector { Model = model, Kind = Software },
                (now - CurrentWindow).ToUnixTimeMilliseconds(), toMs, null, cancellationToken);
            var latency = await queries.GetBucketsAsync(new SeriesSelector { Model = model, Kind = Software, Name = "latency_ms" },
                (now - SparklineWindow).ToUnixTimeMilliseconds(), toMs, (long)SparklineStep.TotalMilliseconds, cancellationToken);

            var stages = PipelineLayout.Stages(all, model).Select(stage => new StageSummary(stage,
                PipelineLayout.Versions(all, model, stage).Select(version => Summarize(stage, version, current, latency)).ToList())).ToList();
            result.Add(new PipelineSummary(model, stages));
        }
        return result;
    }

    private static VersionSummary Summarize(string stage, string version, IReadOnlyList<SeriesBuckets> current, IReadOnlyList<SeriesBuckets> latency)
    {
        Bucket? Current(string name) => current
            .Where(s => s.Series.Stage == stage && s.Series.Version == version && s.Series.Name == name)
            .SelectMany(s => s.Buckets).FirstOrDefault();

        var latencyNow = Current("latency_ms");
        // Throughput: the posted qps gauge, or else the rate of latency events (one per request).
        var qps = Current("qps")?.Avg ?? (latencyNow is null ? null : latencyNow.Count / CurrentWindow.TotalSeconds);
        var sparkline = latency
            .Where(s => s.Series.Stage == stage && s.Series.Version == version)
            .SelectMany(s => s.Buckets)
            .Select(b => ChartSeries.Point(b.Ts, b.P95))
            .ToList();
        return new VersionSummary(version, qps, latencyNow?.P95, Current("error_rate")?.Avg * 100, new ChartSeries($"{version} p95", sparkline));
    }
}
