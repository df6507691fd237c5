namespace MonitorDashboard.Alarms;

/// <summary>Where one series stands against one rule. <see cref="PendingSince"/> is when the current breach began.</summary>
public sealed record AlarmState(AlarmStatus Status, DateTimeOffset Since, DateTimeOffset? PendingSince, double? Value, DateTimeOffset EvaluatedAt)
{
    public static AlarmState Initial(DateTimeOffset now) => new(AlarmStatus.Ok, now, null, null, now);
}
