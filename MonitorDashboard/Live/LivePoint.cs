using MonitorDashboard.Storage;

namespace MonitorDashboard.Live;

/// <summary>
/// A committed point as live viewers receive it (the hub's <c>Points</c> message carries arrays of these, flat, so
/// the wire shape stays <c>{model, version, stage, kind, name, ts, value}</c>).
/// </summary>
public sealed record LivePoint
{
    public required string Model { get; init; }

    public required string Version { get; init; }

    public required string Stage { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset Ts { get; init; }

    public double Value { get; init; }

    public static LivePoint Of(SeriesKey series, DateTimeOffset ts, double value) => new()
    {
        Model = series.Model, Version = series.Version, Stage = series.Stage, Kind = series.Kind, Name = series.Name, Ts = ts, Value = value,
    };

    public SeriesKey Series => new() { Model = Model, Version = Version, Stage = Stage, Kind = Kind, Name = Name, Tags = TagJson.Empty };
}
