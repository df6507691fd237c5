using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// One validated measurement, ready to store. <see cref="Series"/> is built where the event is parsed, in parallel,
/// not by the single writer; its tags are the canonical (key-sorted) JSON, so equal tag sets compare equal.
/// </summary>
public sealed record MetricEvent
{
    public const string DefaultVersion = "unversioned";

    /// <summary>The client's event id for exactly-once retries; null when the client sent none.</summary>
    public string? Id { get; init; }

    public required long TimestampMs { get; init; }

    public required SeriesKey Series { get; init; }

    public required double Value { get; init; }
}
