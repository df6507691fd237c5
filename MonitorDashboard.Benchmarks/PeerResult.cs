namespace MonitorDashboard.Benchmarks;

/// <summary>One ingestion scenario measured against InfluxDB, beside the app's <see cref="HttpResult"/> of the same run.</summary>
public sealed record PeerResult(
    int BatchSize,
    bool WithIds,
    long Events,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    double CpuShare,
    long? PeakResidentBytes,
    long DataBytes,
    long StoredEvents,
    EventIdShape IdShape = EventIdShape.InOrder)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
