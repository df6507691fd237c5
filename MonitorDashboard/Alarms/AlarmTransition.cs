namespace MonitorDashboard.Alarms;

/// <summary>A change of state, kept in the rule's history with the value that caused it.</summary>
public sealed record AlarmTransition(AlarmStatus From, AlarmStatus To, DateTimeOffset At, double? Value)
{
    /// <summary>A series started or stopped firing: what a rule's webhook is told about (not Ok to Pending and back).</summary>
    public bool StartsOrEndsFiring => To == AlarmStatus.Firing || From == AlarmStatus.Firing;
}
