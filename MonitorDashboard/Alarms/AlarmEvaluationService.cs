using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Evaluates every enabled rule every <see cref="AlarmOptions.EvaluationSeconds"/>, keeps one state per matching series,
/// stores transitions with the webhooks they owe (new firings and resolutions, unless muted), tells open pages, and
/// runs the <see cref="AlarmWebhookSender"/> that sends those webhooks: both on one instance at a time (its lease).
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

    /// <summary>The sender runs beside the cycles, so a slow receiver never delays an evaluation.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(base.ExecuteAsync(stoppingToken), webhooks.RunAsync(stoppingToken));

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
            outcomes.Add(new AlarmRuleOutcome(rule.Id, next, transitions, NotifiesWebhook: rule.WebhookUrl is not null && !rule.IsMuted(now)));
        }
        if (!await states.SaveCycleAsync(outcomes, cancellationToken))
        {
            Logger.LogWarning("Alarm states changed while this cycle evaluated them (another instance saved them); the cycle is dropped");
            return;
        }
        if (outcomes.Any(o => o.NotifiesWebhook && o.Transitions.Any(t => t.Transition.StartsOrEndsFiring)))
        {
            webhooks.Wake();
        }
        if (outcomes.Any(o => o.Transitions.Count > 0))
        {
            notifier.NotifyStatesChanged();
        }
    }
}
