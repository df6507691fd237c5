namespace MonitorDashboard.Catalog;

/// <summary>What archiving, restoring or deleting did; <see cref="UsedByAlarm"/> refuses while an alarm rule reads the metric.</summary>
public enum CatalogOutcome
{
    Done,
    Unchanged,
    UnknownMetric,
    UsedByAlarm,
}
