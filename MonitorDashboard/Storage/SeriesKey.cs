namespace MonitorDashboard.Storage;

/// <summary>
/// Everything that identifies a stored series; <see cref="Tags"/> is the canonical tag JSON. <see cref="Selector"/> is
/// the one conversion to the <see cref="SeriesSelector"/> that queries and subscriptions take.
/// </summary>
public readonly record struct SeriesKey
{
    public SeriesKey()
    {
    }

    public required string Model { get; init; }

    public required string Version { get; init; }

    public required string Stage { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public string Tags { get; init; } = TagJson.Empty;

    /// <summary>Exactly this series' model, version, stage, kind and name (any tags).</summary>
    public SeriesSelector Selector => new() { Model = Model, Version = Version, Stage = Stage, Kind = Kind, Name = Name };
}
