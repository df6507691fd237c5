using System.Diagnostics.Metrics;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// The ingestion path's own health figures, for the pages (<see cref="Snapshot"/>) and for any
/// OpenTelemetry/dotnet-counters listener (the <c>MonitorDashboard.Ingestion</c> meter).
/// </summary>
public sealed class IngestCounters : IDisposable
{
    public const string MeterName = "MonitorDashboard.Ingestion";

    private readonly Meter _meter;
    private readonly Counter<long> _acceptedCounter;
    private readonly Counter<long> _duplicatesCounter;
    private readonly Counter<long> _rejectedCounter;
    private readonly Histogram<double> _commitLatency;
    private long _accepted;
    private long _duplicates;
    private long _rejectedEvents;
    private long _rejectedRequests;
    private long _commits;
    private long _failedCommits;
    private long _queuedEvents;
    private double _lastCommitMs;

    public IngestCounters(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _acceptedCounter = _meter.CreateCounter<long>("monitor.ingest.accepted", "{event}", "Events stored");
        _duplicatesCounter = _meter.CreateCounter<long>("monitor.ingest.duplicates", "{event}", "Events skipped because their id was stored");
        _rejectedCounter = _meter.CreateCounter<long>("monitor.ingest.rejected", "{request}", "Requests rejected (invalid, too large, queue full)");
        _commitLatency = _meter.CreateHistogram<double>("monitor.ingest.commit.duration", "ms", "Duration of one group commit");
        _meter.CreateObservableGauge("monitor.ingest.queue.depth", () => Interlocked.Read(ref _queuedEvents), "{event}", "Events waiting for the writer");
    }

    public long QueuedEvents => Interlocked.Read(ref _queuedEvents);

    public long AddQueued(long events) => Interlocked.Add(ref _queuedEvents, events);

    public void RecordRejected(int events)
    {
        Interlocked.Increment(ref _rejectedRequests);
        Interlocked.Add(ref _rejectedEvents, events);
        _rejectedCounter.Add(1);
    }

    public void RecordCommit(int accepted, int duplicates, double elapsedMs)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Increment(ref _commits);
        Interlocked.Exchange(ref _lastCommitMs, elapsedMs);
        _acceptedCounter.Add(accepted);
        _duplicatesCounter.Add(duplicates);
        _commitLatency.Record(elapsedMs);
    }

    public void RecordFailedCommit() => Interlocked.Increment(ref _failedCommits);

    public IngestStats Snapshot() => new(
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _rejectedRequests),
        Interlocked.Read(ref _rejectedEvents),
        Interlocked.Read(ref _queuedEvents),
        Interlocked.Read(ref _commits),
        Interlocked.Read(ref _failedCommits),
        Volatile.Read(ref _lastCommitMs));

    public void Dispose() => _meter.Dispose();
}
