using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Drift;

/// <summary>
/// Every <c>Drift:EvaluationSeconds</c>, scores each watched series (per model, stage, version and metric) and stores the
/// score as the metric <c>drift_&lt;name&gt;</c> of the same family, so charts show it over time (a gradual drift as a ramp,
/// a shock as a step) and alarm rules use it like any metric: the score is the KS distance over its critical value, so
/// <c>drift_input_length &gt; 1</c> means "drifted" whatever the sample sizes.
/// </summary>
public sealed class DriftMonitorService(
    SeriesQueryService queries,
    DriftService drift,
    IngestionQueue queue,
    IOptions<DriftOptions> options,
    TimeProvider time,
    ILogger<DriftMonitorService> logger) : PeriodicBackgroundService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EvaluationSeconds);

    protected override string WorkName => "Drift evaluation cycle";

    protected override bool RunAtStart => false;

    protected override Task RunRoundAsync(CancellationToken stoppingToken) => RunCycleAsync(Time.GetUtcNow(), stoppingToken);

    /// <summary>Scores every watched series as of <paramref name="now"/> (the demo back-fills history this way) and stores the scores.</summary>
    public async Task<int> RunCycleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var from = now - TimeSpan.FromMinutes(settings.WindowMinutes);
        var scores = new List<MetricEvent>();
        foreach (var kindName in settings.Kinds)
        {
            if (!MetricKinds.TryParse(kindName, out var kind))
            {
                continue;
            }
            var watched = (await queries.ListSeriesAsync(new SeriesSelector { Kind = kind.ToWire() }, cancellationToken))
                .Where(s => !DriftWire.IsScoreMetric(s.Name) && DriftWire.ScoreMetric(s.Name).Length <= MetricNames.MaxLength)
                .Select(s => (s.Model, s.Stage, s.Version, s.Name))
                .Distinct();
            foreach (var (model, stage, version, name) in watched)
            {
                var report = await drift.CompareAsync(
                    new DriftQuery(new SeriesSelector { Model = model, Version = version, Stage = stage, Kind = kind.ToWire(), Name = name }, from, now, DriftReference.Preceding), cancellationToken);
                if (report.Score is { } score)
                {
                    scores.Add(new MetricEvent
                    {
                        TimestampMs = now.ToUnixTimeMilliseconds(),
                        Series = new SeriesKey { Model = model, Version = version, Stage = stage, Kind = kind.ToWire(), Name = DriftWire.ScoreMetric(name) },
                        Value = Math.Round(score, 4),
                    });
                }
            }
        }
        if (scores.Count > 0)
        {
            await queue.EnqueueAsync(scores);
        }
        return scores.Count;
    }
}
