namespace MonitorDashboard.Storage;

/// <summary>A series as pages and the API see it.</summary>
public sealed record SeriesInfo
{
    public long Id { get; init; }

    public required string Model { get; init; }

    public required string Version { get; init; }

    public required string Stage { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>Exactly this series' model, version, stage, kind and name.</summary>
    public SeriesSelector Selector => new() { Model = Model, Version = Version, Stage = Stage, Kind = Kind, Name = Name };
}
