using System.Diagnostics.Metrics;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// What the foreign receivers stored only in part, on the <see cref="IngestCounters.MeterName"/> meter (whole requests
/// refused are counted by <see cref="IngestCounters"/> like those of the JSON API).
/// </summary>
public sealed class ReceiverCounters : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _refusedPoints;
    private readonly Counter<long> _droppedTags;

    public ReceiverCounters(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(IngestCounters.MeterName);
        _refusedPoints = _meter.CreateCounter<long>("monitor.ingest.receiver.refused", "{point}", "Data points or samples refused within stored requests");
        _droppedTags = _meter.CreateCounter<long>("monitor.ingest.receiver.tags_dropped", "{attribute}", "Attributes or labels over the tag limits, not stored");
    }

    public void Record(string receiver, RefusalTally tally)
    {
        var tag = new KeyValuePair<string, object?>("receiver", receiver);
        if (tally.RefusedPoints > 0)
        {
            _refusedPoints.Add(tally.RefusedPoints, tag);
        }
        if (tally.DroppedTags > 0)
        {
            _droppedTags.Add(tally.DroppedTags, tag);
        }
    }

    public void Dispose() => _meter.Dispose();
}
