using MonitorDashboard.Alarms;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Drift;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Demo;

/// <summary>Alarm rules for the demo pipeline, tuned so the simulated incidents make them fire now and then.</summary>
public static class DemoAlarmRules
{
    public static IReadOnlyList<AlarmRule> All =>
    [
        Rule("ASR p95 latency", "asr", "latency_ms", AlarmAggregation.P95, 60, 400, 300, 30, AlarmSeverity.Warning),
        Rule("VAD missing values", "vad", "missing_fraction", AlarmAggregation.Avg, 60, 0.10, 0.05, 30, AlarmSeverity.Critical),
        Rule("ASR null returns", "asr", "null_return_rate", AlarmAggregation.Avg, 120, 0.06, 0.045, 60, AlarmSeverity.Warning),
        // The canary analysis only recommends; this rule is where a team decides to act on it (add a webhook to roll back).
        Rule("ASR canary recommends rollback", "asr", CanaryMonitorService.VerdictMetric, AlarmAggregation.Last, 60, 1.5, 0.5, 60, AlarmSeverity.Critical),
        Rule("VAD input length drifted", "vad", DriftWire.ScoreMetric("input_length"), AlarmAggregation.Last, 120, 1, 0.8, 60, AlarmSeverity.Warning),
    ];

    public static async Task EnsureAsync(AlarmRuleStore store, CancellationToken cancellationToken)
    {
        if ((await store.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }
        foreach (var rule in All)
        {
            await store.CreateAsync(rule, "demo", cancellationToken);
        }
    }

    private static AlarmRule Rule(string name, string stage, string metric, AlarmAggregation aggregation, int windowSeconds,
        double threshold, double recovery, int forSeconds, AlarmSeverity severity) =>
        new(0, name, new SeriesSelector { Name = metric, Model = DemoPipelineSimulator.Model, Stage = stage }, aggregation, TimeSpan.FromSeconds(windowSeconds),
            AlarmComparator.GreaterThan, threshold, recovery, TimeSpan.FromSeconds(forSeconds), NoDataPolicy.KeepLast, severity,
            Enabled: true, MutedUntil: null, MuteReason: null, WebhookUrl: null);
}
