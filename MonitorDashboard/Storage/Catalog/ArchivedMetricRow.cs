namespace MonitorDashboard.Storage.Catalog;

/// <summary>A metric of one model a lead archived: hidden from the pages, its points still stored, restorable.</summary>
public sealed class ArchivedMetricRow
{
    public required string Model { get; set; }
    public required string Name { get; set; }
    public required string ArchivedBy { get; set; }
    public long ArchivedMs { get; set; }
}
