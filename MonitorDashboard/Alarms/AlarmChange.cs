namespace MonitorDashboard.Alarms;

/// <summary>What changed about alarms; a subscriber names the kinds it cares about.</summary>
[Flags]
public enum AlarmChange
{
    States = 1,
    Rules = 2,
    Any = States | Rules,
}
