namespace MonitorDashboard.Alarms;

/// <summary>
/// What one evaluation of one rule produced: the state of each matching series and the changes. With
/// <see cref="NotifiesWebhook"/> (the rule has a webhook and is not muted), each change that starts or ends a firing is
/// stored as a webhook to send, in the same transaction as the state.
/// </summary>
public sealed record AlarmRuleOutcome(
    long RuleId,
    IReadOnlyDictionary<long, AlarmState> States,
    IReadOnlyList<(long SeriesId, AlarmTransition Transition)> Transitions,
    bool NotifiesWebhook = false);
