namespace MonitorDashboard.Storage;

/// <summary>A client-supplied event id already stored, so a retried batch is not stored twice.</summary>
public sealed class EventIdRow
{
    public required string Id { get; set; }
    public long ReceivedMs { get; set; }
}
