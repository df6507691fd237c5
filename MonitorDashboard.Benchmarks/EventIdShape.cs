namespace MonitorDashboard.Benchmarks;

/// <summary>What the event ids of a store loop look like: none, a counter in insert order, or random UUIDv4.</summary>
public enum EventIdShape
{
    None,
    Counter,
    RandomUuid,
}
