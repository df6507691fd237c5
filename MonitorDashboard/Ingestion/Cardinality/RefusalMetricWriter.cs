namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>Stores a batch's cardinality refusals as the <c>cardinality_refused</c> metric, so an alarm rule can watch them.</summary>
public sealed class RefusalMetricWriter(IngestionQueue queue, TimeProvider time)
{
    /// <summary>Best effort: when the queue is full or closing, the counters and the answer to the client still tell.</summary>
    public async Task RecordAsync(CardinalityVerdict verdict)
    {
        if (verdict.Refused == 0)
        {
            return;
        }
        try
        {
            await queue.EnqueueAsync(verdict.RefusalEvents(time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
        catch (IngestionRejectedException)
        {
        }
    }
}
