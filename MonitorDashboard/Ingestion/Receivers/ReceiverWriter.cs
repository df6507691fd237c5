using System.Security.Claims;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// The last step every foreign receiver (OTLP over HTTP and gRPC, Prometheus remote write) shares with the JSON API:
/// the caller's event budget, then one enqueue of the whole translated request, so a request is stored whole or not at all.
/// </summary>
public sealed class ReceiverWriter(IngestionQueue queue, IngestBudget budget, IngestCounters counters, IOptions<IngestOptions> options)
{
    public async Task<WriteOutcome> WriteAsync(ClaimsPrincipal user, IReadOnlyList<MetricEvent> events)
    {
        if (events.Count == 0)
        {
            return new WriteOutcome(WriteStatus.Stored);
        }
        if (!budget.TryTake(user, events.Count, out var retryAfter))
        {
            counters.RecordRejected(events.Count);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return new WriteOutcome(WriteStatus.RateLimited, TimeSpan.FromSeconds(seconds),
                $"This API key exceeded its events per second (Auth:IngestEventsPerSecond); nothing was stored. Retry after {seconds} s.");
        }
        try
        {
            // Deliberately not cancelled with the request: once queued, the events are committed either way.
            await queue.EnqueueAsync(events);
            return new WriteOutcome(WriteStatus.Stored);
        }
        catch (IngestionRejectedException ex)
        {
            counters.RecordRejected(events.Count);
            return new WriteOutcome(WriteStatus.Unavailable, TimeSpan.FromSeconds(options.Value.RetryAfterSeconds), ex.Message);
        }
    }
}
