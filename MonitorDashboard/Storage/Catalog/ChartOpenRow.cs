namespace MonitorDashboard.Storage.Catalog;

/// <summary>How often a metric's chart was opened on one UTC day: a row per metric and day, so the table stays small.</summary>
public sealed class ChartOpenRow
{
    public required string Model { get; set; }
    public required string Name { get; set; }
    public long DayMs { get; set; }
    public long Opens { get; set; }
}
