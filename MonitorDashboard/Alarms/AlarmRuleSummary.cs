namespace MonitorDashboard.Alarms;

/// <summary>A rule with how its series stand now: the worst status (ok without series), counts and the last change.</summary>
public sealed record AlarmRuleSummary(AlarmRule Rule, AlarmStatus Status, int Firing, int Pending, int Series, DateTimeOffset? LastChange, string? WebhookError)
{
    public static IReadOnlyList<AlarmRuleSummary> Build(IReadOnlyList<AlarmRule> rules, IReadOnlyList<AlarmStateView> states,
        IReadOnlyDictionary<long, (string Error, DateTimeOffset At)> webhookErrors) =>
        rules.Select(rule =>
        {
            var mine = states.Where(s => s.RuleId == rule.Id).ToList();
            var firing = mine.Count(s => s.Status == AlarmStatus.Firing);
            var pending = mine.Count(s => s.Status == AlarmStatus.Pending);
            var status = mine.Count == 0 ? AlarmStatus.Ok : mine.Max(s => s.Status);
            return new AlarmRuleSummary(rule, status, firing, pending, mine.Count, mine.Count == 0 ? null : mine.Max(s => s.Since),
                webhookErrors.TryGetValue(rule.Id, out var e) ? e.Error : null);
        }).ToList();
}
