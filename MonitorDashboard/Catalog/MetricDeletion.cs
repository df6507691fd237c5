namespace MonitorDashboard.Catalog;

/// <summary>What a delete removed: the series (their ids are gone) and their points.</summary>
public sealed record MetricDeletion(int Series, long Points);
