using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// The front door of ingestion, for the HTTP endpoint and in-process producers (the demo) alike.
/// The queue is bounded by the number of waiting events, not requests, so memory stays bounded under any load.
/// </summary>
public sealed class IngestionQueue(IOptions<IngestOptions> options, IngestCounters counters)
{
    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<PendingWrite> Reader => _channel.Reader;

    /// <summary>Completes when every event is committed to disk (or known to be a duplicate).</summary>
    /// <exception cref="IngestionRejectedException">The queue is full or the app is shutting down.</exception>
    public Task<IngestResult> EnqueueAsync(IReadOnlyList<MetricEvent> events)
    {
        if (counters.AddQueued(events.Count) > options.Value.MaxQueuedEvents)
        {
            counters.AddQueued(-events.Count);
            throw new IngestionRejectedException("The write queue is full; retry shortly.");
        }
        var pending = new PendingWrite(events);
        if (!_channel.Writer.TryWrite(pending))
        {
            counters.AddQueued(-events.Count);
            throw new IngestionRejectedException("The server is shutting down; retry against another instance or later.");
        }
        return pending.Completion;
    }

    /// <summary>Refuses new writes; the writer still drains what is queued.</summary>
    internal void Close() => _channel.Writer.TryComplete();
}
