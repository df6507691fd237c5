namespace MonitorDashboard.Alarms;

/// <summary>Tells open pages (badge, alarm list, charts) that alarm states or rules changed; handlers must not block.</summary>
public sealed class AlarmNotifier
{
    public event Action? StatesChanged;
    public event Action? RulesChanged;

    public void NotifyStatesChanged() => StatesChanged?.Invoke();

    public void NotifyRulesChanged() => RulesChanged?.Invoke();
}
