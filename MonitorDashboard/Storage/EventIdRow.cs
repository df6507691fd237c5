namespace MonitorDashboard.Storage;

/// <summary>
/// A client-supplied event id as the version before id batches stored it, one row each; kept as an import table whose
/// rows the writer moves into <see cref="EventIdBatchRow"/>s at start.
/// </summary>
public sealed class EventIdRow
{
    public required string Id { get; set; }
    public long ReceivedMs { get; set; }
}
