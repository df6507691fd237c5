using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion;

/// <summary>One validated measurement, ready to store. Tags are sorted by key so equal tag sets compare equal.</summary>
public sealed record MetricEvent(
    string? Id,
    long TimestampMs,
    string Model,
    string Version,
    string Stage,
    MetricKind Kind,
    string Name,
    double Value,
    IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    public const string DefaultVersion = "unversioned";

    /// <summary>The series this event belongs to, built where the event is parsed, in parallel, not by the single writer.</summary>
    public SeriesKey Series { get; } = new() { Model = Model, Version = Version, Stage = Stage, Kind = Kind.ToWire(), Name = Name, Tags = TagJson.Serialize(Tags) };
}
