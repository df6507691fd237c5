namespace MonitorDashboard.Catalog;

/// <summary>What archiving or restoring a metric did; <see cref="UsedByAlarm"/> refuses while a rule reads the metric.</summary>
public enum ArchiveOutcome
{
    Done,
    Unchanged,
    UnknownMetric,
    UsedByAlarm,
}
