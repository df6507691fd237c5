namespace MonitorDashboard.Alarms;

/// <summary>What one evaluation of one rule produced: the state of each matching series and the changes.</summary>
public sealed record AlarmRuleOutcome(long RuleId, IReadOnlyDictionary<long, AlarmState> States, IReadOnlyList<(long SeriesId, AlarmTransition Transition)> Transitions);
