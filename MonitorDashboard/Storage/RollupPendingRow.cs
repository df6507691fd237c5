namespace MonitorDashboard.Storage;

/// <summary>
/// A minute of a series whose rollups changed in memory but are not saved yet. Written in the same transaction as the
/// points that changed it, deleted when the rollups are saved; after a crash each minute left here is rolled up again
/// from its raw points, and its hour from its minutes.
/// </summary>
public sealed class RollupPendingRow
{
    public long SeriesId { get; set; }
    public long MinuteMs { get; set; }
}
