using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Replays a rule over the last 24 h of stored data at the live cadence: the window slides every
/// <see cref="AlarmOptions.EvaluationSeconds"/> and each evaluation goes through <see cref="AlarmCycle"/>, as in
/// <see cref="AlarmEvaluationService"/>. Tumbling window-long buckets (the first version) missed a spike that straddles two
/// buckets, which fires live. The raw points are read once and the window slides over them (two indexes per series), so a
/// 24 h replay of a 2-minute window at one point per second costs tens of milliseconds (AlarmBacktestReplayTests measures it).
/// </summary>
public sealed class AlarmBacktester(SeriesQueryService queries, IOptions<AlarmOptions> options)
{
    public static readonly TimeSpan Range = TimeSpan.FromHours(24);

    public async Task<BacktestResult> RunAsync(AlarmRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = TimeSpan.FromSeconds(options.Value.EvaluationSeconds);
        var (stepMs, windowMs, nowMs) = ((long)step.TotalMilliseconds, (long)rule.Window.TotalMilliseconds, now.ToUnixTimeMilliseconds());
        // Evaluation times end at now and lie one step apart, as the live loop's would.
        var firstMs = nowMs - ((long)(Range / step) * stepMs);
        var s = rule.Selector;
        var series = await queries.GetPointsAsync(s, firstMs - windowMs, nowMs + 1, cancellationToken);

        var replayRule = rule with { Enabled = true };
        var windows = series.Select(p => new SlidingWindow(p)).ToList();
        var values = new Dictionary<long, double?>(series.Count);
        IReadOnlyDictionary<long, AlarmState> states = new Dictionary<long, AlarmState>();
        var firingSince = new Dictionary<long, DateTimeOffset>();
        var labels = series.ToDictionary(p => p.Series.Id, p => $"{p.Series.Stage}/{p.Series.Version}");
        var periods = new List<BacktestPeriod>();
        var (firings, firingTime) = (0, TimeSpan.Zero);
        var aggregator = new BucketAggregator();
        for (var t = firstMs; t <= nowMs; t += stepMs)
        {
            foreach (var window in windows)
            {
                // The live reader asks for [t - window, t] (its range ends at t + 1 exclusive): the same points here.
                values[window.Series.Id] = window.Slide(t - windowMs, t, aggregator) is { } bucket ? AlarmValueReader.Aggregate(bucket, replayRule) : null;
            }
            var at = DateTimeOffset.FromUnixTimeMilliseconds(t);
            var (next, transitions) = AlarmCycle.Evaluate(replayRule, values, states, at);
            states = next;
            foreach (var (seriesId, transition) in transitions)
            {
                if (transition.To == AlarmStatus.Firing)
                {
                    firings++;
                    firingSince[seriesId] = at;
                }
                else if (transition.From == AlarmStatus.Firing && firingSince.Remove(seriesId, out var since))
                {
                    periods.Add(new BacktestPeriod(labels[seriesId], since, at));
                    firingTime += at - since;
                }
            }
        }
        foreach (var (seriesId, open) in firingSince)
        {
            periods.Add(new BacktestPeriod(labels[seriesId], open, null));
            firingTime += now - open;
        }
        return new BacktestResult(firings, firingTime, series.Count, step, periods.OrderBy(p => p.From).ToList());
    }
}
