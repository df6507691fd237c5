namespace MonitorDashboard.Alarms;

/// <summary>A change of state, kept in the rule's history with the value that caused it.</summary>
public sealed record AlarmTransition(AlarmStatus From, AlarmStatus To, DateTimeOffset At, double? Value);
