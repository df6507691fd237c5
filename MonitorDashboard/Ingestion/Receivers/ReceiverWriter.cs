using System.Security.Claims;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Cardinality;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// The last step every foreign receiver (OTLP over HTTP and gRPC, Prometheus remote write) shares with the JSON API:
/// the caller's event budget, then one enqueue of the whole translated request, so a request is stored whole or not at all.
/// </summary>
public sealed class ReceiverWriter(
    IngestionQueue queue, IngestBudget budget, IngestCounters counters, CardinalityGuard cardinality, RefusalMetricWriter refusalMetric,
    RefusalBackoff backoff, IOptions<IngestOptions> options)
{
    /// <summary>Events whose new series would cross a cardinality limit are left out and counted in <paramref name="refusals"/>; the rest are stored.</summary>
    public async Task<WriteOutcome> WriteAsync(ClaimsPrincipal user, IReadOnlyList<MetricEvent> events, RefusalTally refusals)
    {
        if (events.Count == 0)
        {
            return new WriteOutcome(WriteStatus.Stored);
        }
        if (backoff.MustWait(user.Identity?.Name, out var backoffLeft))
        {
            counters.RecordRejected(events.Count);
            var wait = Math.Max(1, (int)Math.Ceiling(backoffLeft.TotalSeconds));
            return new WriteOutcome(WriteStatus.RateLimited, TimeSpan.FromSeconds(wait),
                $"This API key kept sending new series past a cardinality limit (Cardinality:RefusedEventsBeforeBackoff); nothing was stored. Retry after {wait} s.");
        }
        if (!budget.TryTake(user, events.Count, out var retryAfter))
        {
            counters.RecordRejected(events.Count);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return new WriteOutcome(WriteStatus.RateLimited, TimeSpan.FromSeconds(seconds),
                $"This API key exceeded its events per second (Auth:IngestEventsPerSecond); nothing was stored. Retry after {seconds} s.");
        }
        var verdict = await cardinality.AdmitAsync(events, user.Identity?.Name, CancellationToken.None);
        if (verdict.Refused > 0)
        {
            refusals.Refuse(verdict.Refused, $"over a cardinality limit ({verdict.Errors[0].Reason})");
            await refusalMetric.RecordAsync(verdict);
            if (verdict.Admitted.Count == 0)
            {
                return new WriteOutcome(WriteStatus.Stored);
            }
        }
        try
        {
            // Deliberately not cancelled with the request: once queued, the events are committed either way.
            await queue.EnqueueAsync(verdict.Admitted);
            return new WriteOutcome(WriteStatus.Stored);
        }
        catch (IngestionRejectedException ex)
        {
            counters.RecordRejected(events.Count);
            return new WriteOutcome(WriteStatus.Unavailable, TimeSpan.FromSeconds(options.Value.RetryAfterSeconds), ex.Message);
        }
    }
}
