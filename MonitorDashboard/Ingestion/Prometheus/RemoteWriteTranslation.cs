using MonitorDashboard.Ingestion.Receivers;

namespace MonitorDashboard.Ingestion.Prometheus;

/// <summary>The events of one remote write request, the samples refused, and the stale markers skipped.</summary>
public sealed class RemoteWriteTranslation
{
    public List<MetricEvent> Events { get; } = [];

    public RefusalTally Refusals { get; } = new();

    /// <summary>Staleness markers: Prometheus saying a series ended, not a value; skipped, not refused.</summary>
    public int StaleMarkers { get; set; }
}
