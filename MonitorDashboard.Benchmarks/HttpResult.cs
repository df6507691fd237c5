namespace MonitorDashboard.Benchmarks;

/// <summary>
/// One HTTP ingestion scenario measured against the app process. <see cref="StoredEvents"/> counts the warm-up too
/// (everything in the file); <see cref="Files"/> is measured after the app stopped.
/// </summary>
public sealed record HttpResult(
    int BatchSize,
    int Clients,
    bool WithIds,
    long Events,
    long Requests,
    long Rejected,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    long Commits,
    double MeanQueuedEvents,
    double MeanCommitMilliseconds,
    double WriterBusyShare,
    double AppCpuShare,
    double ClientCpuShare,
    long? PeakResidentBytes,
    long StoredEvents,
    DatabaseFiles? Files = null,
    EventIdShape IdShape = EventIdShape.InOrder,
    long PrefilledIds = 0)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double EventsPerCommit => Commits == 0 ? 0 : (double)Events / Commits;
}
