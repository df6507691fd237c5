using System.Diagnostics;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

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
    ILogger<AlarmEvaluationService> logger) : BackgroundService
{
    /// <summary>Duration of the last cycle (shown on the alarms page; measured in docs/benchmarks.md).</summary>
    public TimeSpan LastCycleDuration { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationSeconds), time);
        do
        {
            try
            {
                await RunCycleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Alarm evaluation cycle failed; retrying next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunCycleAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
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
        foreach (var (rule, outcome) in enabled.Zip(outcomes).Where(p => p.First.WebhookUrl is not null && !p.First.IsMuted(now)))
        {
            foreach (var (seriesId, transition) in outcome.Transitions.Where(t => t.Transition.To == AlarmStatus.Firing || t.Transition.From == AlarmStatus.Firing))
            {
                await EnqueueWebhookAsync(rule, rule.WebhookUrl!, seriesId, transition, cancellationToken);
            }
        }
        LastCycleDuration = Stopwatch.GetElapsedTime(started);
        if (changed)
        {
            notifier.NotifyStatesChanged();
        }
    }

    private async Task EnqueueWebhookAsync(AlarmRule rule, string url, long seriesId, AlarmTransition transition, CancellationToken cancellationToken)
    {
        var view = (await states.ListAsync(cancellationToken)).FirstOrDefault(s => s.RuleId == rule.Id && s.Series.Id == seriesId);
        if (view is null)
        {
            return;
        }
        var s = view.Series;
        var link = $"{options.Value.PublicBaseUrl?.TrimEnd('/')}/alarms/{rule.Id}";
        webhooks.Enqueue(rule.Id, url, new AlarmWebhookPayload(
            new AlarmWebhookRule(rule.Id, rule.Name, rule.Severity.ToWire(), rule.Describe()),
            new AlarmWebhookSeries(s.Model, s.Version, s.Stage, s.Kind, s.Name, s.Tags),
            transition.Value, transition.To.ToWire(), transition.From.ToWire(), transition.At, link));
    }
}
