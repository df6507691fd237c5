using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Evaluates every enabled rule every <see cref="AlarmOptions.EvaluationSeconds"/>, keeps one state per matching series,
/// stores transitions, tells open pages and sends webhooks for new firings and resolutions (unless muted).
/// </summary>
public sealed class AlarmEvaluationService(
    AlarmRuleStore rules,
    AlarmStateStore states,
    AlarmValueReader values,
    AlarmNotifier notifier,
    AlarmWebhookSender webhooks,
    IOptions<AlarmOptions> options,
    TimeProvider time,
    ILogger<AlarmEvaluationService> logger) : PeriodicBackgroundService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EvaluationSeconds);

    protected override string WorkName => "Alarm evaluation cycle";

    protected override Task RunRoundAsync(CancellationToken stoppingToken) => RunCycleAsync(stoppingToken);

    public async Task RunCycleAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var previous = await states.LoadAsync(cancellationToken);
        var enabled = (await rules.ListAsync(cancellationToken)).Where(r => r.Enabled).ToList();
        var outcomes = new List<AlarmRuleOutcome>(enabled.Count);
        foreach (var rule in enabled)
        {
            var current = await values.ReadAsync(rule, now, cancellationToken);
            var (next, transitions) = AlarmCycle.Evaluate(rule, current, previous.GetValueOrDefault(rule.Id) ?? [], now);
            outcomes.Add(new AlarmRuleOutcome(rule.Id, next, transitions));
        }
        await states.SaveCycleAsync(outcomes, cancellationToken);
        var changed = outcomes.Any(o => o.Transitions.Count > 0);
        var notify = enabled.Zip(outcomes)
            .Where(p => p.First.WebhookUrl is not null && !p.First.IsMuted(now))
            .SelectMany(p => p.Second.Transitions.Where(t => t.Transition.To == AlarmStatus.Firing || t.Transition.From == AlarmStatus.Firing)
                .Select(t => (Rule: p.First, t.SeriesId, t.Transition)))
            .ToList();
        if (notify.Count > 0)
        {
            var views = (await states.ListAsync(cancellationToken)).ToDictionary(v => (v.RuleId, v.Series.Id));
            foreach (var (rule, seriesId, transition) in notify)
            {
                if (views.TryGetValue((rule.Id, seriesId), out var view))
                {
                    EnqueueWebhook(rule, view, transition);
                }
            }
        }
        if (changed)
        {
            notifier.NotifyStatesChanged();
        }
    }

    private void EnqueueWebhook(AlarmRule rule, AlarmStateView view, AlarmTransition transition)
    {
        var link = $"{options.Value.PublicBaseUrl?.TrimEnd('/')}/alarms/{rule.Id}";
        webhooks.Enqueue(rule.Id, rule.WebhookUrl!, new AlarmWebhookPayload(
            new AlarmWebhookRule(rule.Id, rule.Name, rule.Severity.ToWire(), rule.Describe()),
            AlarmWebhookSeries.From(view.Series),
            transition.Value, transition.To.ToWire(), transition.From.ToWire(), transition.At, link));
    }
}
