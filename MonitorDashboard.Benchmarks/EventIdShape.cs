namespace MonitorDashboard.Benchmarks;

/// <summary>How clients number their events: no ids, <c>client-sequence</c> in insert order, or random UUIDv4 (Python's <c>uuid.uuid4()</c>).</summary>
public enum EventIdShape
{
    None,
    InOrder,
    RandomUuid,
}
