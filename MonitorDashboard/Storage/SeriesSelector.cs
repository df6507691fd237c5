namespace MonitorDashboard.Storage;

/// <summary>
/// Which series: the one identity that queries, live subscriptions and alarm rules pass around (a null field matches
/// anything). Fields are named, never positional, so a stage given where a version belongs does not compile silently.
/// </summary>
public sealed record SeriesSelector
{
    public static SeriesSelector All { get; } = new();

    public string? Model { get; init; }

    public string? Version { get; init; }

    public string? Stage { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public bool Matches(SeriesKey series) =>
        (Model is null || Model == series.Model)
        && (Version is null || Version == series.Version)
        && (Stage is null || Stage == series.Stage)
        && (Kind is null || Kind == series.Kind)
        && (Name is null || Name == series.Name);
}
