using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>What the guard decided for one batch: the events to store, and how many were refused, why (the first few) and per model.</summary>
public sealed record CardinalityVerdict(
    IReadOnlyList<MetricEvent> Admitted, int Refused, IReadOnlyList<EventError> Errors, IReadOnlyDictionary<string, int> RefusedByModel)
{
    /// <summary>The metric alarm rules can watch: refused events per model, one point per refused batch.</summary>
    public const string RefusedMetric = "cardinality_refused";

    public static CardinalityVerdict All(IReadOnlyList<MetricEvent> events) => new(events, 0, [], new Dictionary<string, int>());

    /// <summary>Points of <see cref="RefusedMetric"/> for this batch (software family, the model's own stage).</summary>
    public IReadOnlyList<MetricEvent> RefusalEvents(long nowMs) => RefusedByModel.Select(r => new MetricEvent
    {
        TimestampMs = nowMs,
        Series = new SeriesKey { Model = r.Key, Version = MetricEvent.DefaultVersion, Stage = r.Key, Kind = "software", Name = RefusedMetric },
        Value = r.Value,
    }).ToList();
}
