namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Paced events posted while one SignalR client listens. <see cref="Acknowledged"/> events got their 202,
/// <see cref="Received"/> of those arrived in a <c>Points</c> message; latency is arrival minus acknowledgement.
/// </summary>
public sealed record LiveLatencyResult(
    string Settings,
    int OfferedPerSecond,
    long Acknowledged,
    long Refused,
    long Received,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    double PostP50Milliseconds,
    double PostP99Milliseconds,
    long? PeakResidentBytes)
{
    public double AcknowledgedPerSecond => Acknowledged / Elapsed.TotalSeconds;
}
