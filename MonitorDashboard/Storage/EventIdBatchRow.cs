namespace MonitorDashboard.Storage;

/// <summary>
/// The event ids one commit stored for the first time, as 16-byte hashes (<see cref="EventIds.EventIdHash"/>), one
/// row per commit: one b-tree write per commit instead of one random insert per id. <see cref="FirstOrdinal"/> (the
/// rowid) numbers ids in arrival order, so the newest window of ids is a range of rows.
/// </summary>
public sealed class EventIdBatchRow
{
    public long FirstOrdinal { get; set; }
    public long ReceivedMs { get; set; }
    public required byte[] Hashes { get; set; }
}
