namespace MonitorDashboard.Ingestion;

/// <summary>A moment's view of the ingestion counters (served at <c>GET /api/v1/ingest/stats</c>).</summary>
public sealed record IngestStats(
    long Accepted,
    long Duplicates,
    long RejectedRequests,
    long RejectedEvents,
    long QueuedEvents,
    long Commits,
    long FailedCommits,
    double LastCommitMilliseconds);
