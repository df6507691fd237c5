namespace MonitorDashboard.Alarms;

/// <summary>A stored transition whose webhook has not been sent yet (<see cref="Id"/>: its history entry).</summary>
public sealed record AlarmNotification(long Id, AlarmRule Rule, long SeriesId, AlarmTransition Transition);
