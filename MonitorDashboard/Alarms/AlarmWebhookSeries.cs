using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>The series of an alarm webhook, in the wire shape <c>{model, version, stage, kind, name, tags}</c>.</summary>
public sealed record AlarmWebhookSeries
{
    public required string Model { get; init; }

    public required string Version { get; init; }

    public required string Stage { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public static AlarmWebhookSeries From(SeriesInfo series) => new()
    {
        Model = series.Model, Version = series.Version, Stage = series.Stage, Kind = series.Kind, Name = series.Name, Tags = series.Tags,
    };
}
