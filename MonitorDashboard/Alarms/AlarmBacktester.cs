using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Replays a rule over the last 24 h of stored data through the same <see cref="AlarmEvaluator"/> the live evaluator uses.
/// The window is evaluated at the end of each window-long bucket (at least 10 s), which reads each point once
/// instead of once per evaluation — close to, not identical with, the live 10 s cadence for long windows.
/// </summary>
public sealed class AlarmBacktester(SeriesQueryService queries)
{
    public static readonly TimeSpan Range = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinStep = TimeSpan.FromSeconds(10);

    public async Task<BacktestResult> RunAsync(AlarmRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = rule.Window < MinStep ? MinStep : rule.Window;
        var stepMs = (long)step.TotalMilliseconds;
        var fromMs = (now - Range).ToUnixTimeMilliseconds() / stepMs * stepMs;
        var s = rule.Selector;
        var series = await queries.GetBucketsAsync(s,
            fromMs, now.ToUnixTimeMilliseconds() + 1, stepMs, cancellationToken);

        var periods = new List<BacktestPeriod>();
        var firings = 0;
        var firingTime = TimeSpan.Zero;
        var replayRule = rule with { Enabled = true };
        foreach (var item in series)
        {
            var byStart = item.Buckets.ToDictionary(b => b.Ts.ToUnixTimeMilliseconds());
            var state = AlarmState.Initial(DateTimeOffset.FromUnixTimeMilliseconds(fromMs));
            DateTimeOffset? firingSince = null;
            var label = $"{item.Series.Stage}/{item.Series.Version}";
            for (var t = fromMs; t + stepMs <= now.ToUnixTimeMilliseconds() + stepMs; t += stepMs)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(t + stepMs, now.ToUnixTimeMilliseconds()));
                double? value = byStart.TryGetValue(t, out var bucket) ? AlarmValueReader.Aggregate(bucket, replayRule) : null;
                (state, var transition) = AlarmEvaluator.Evaluate(replayRule, state, value, at);
                if (transition?.To == AlarmStatus.Firing)
                {
                    firings++;
                    firingSince = at;
                }
                else if (transition?.From == AlarmStatus.Firing && firingSince is { } since)
                {
                    periods.Add(new BacktestPeriod(label, since, at));
                    firingTime += at - since;
                    firingSince = null;
                }
            }
            if (firingSince is { } open)
            {
                periods.Add(new BacktestPeriod(label, open, null));
                firingTime += now - open;
            }
        }
        return new BacktestResult(firings, firingTime, series.Count, step, periods);
    }
}
