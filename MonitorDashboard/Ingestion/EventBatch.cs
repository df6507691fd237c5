namespace MonitorDashboard.Ingestion;

/// <summary>The outcome of parsing one request: either events (no errors) or errors (no events).</summary>
public sealed record EventBatch(IReadOnlyList<MetricEvent> Events, IReadOnlyList<EventError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
