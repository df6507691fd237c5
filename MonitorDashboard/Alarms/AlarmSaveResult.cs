namespace MonitorDashboard.Alarms;

/// <summary>Outcome of saving a rule: saved, gone, or changed by someone else since it was loaded.</summary>
public sealed record AlarmSaveResult(AlarmRule? Rule, bool NotFound = false, AlarmRule? Conflict = null)
{
    public bool Saved => Rule is not null;
}
