namespace MonitorDashboard.Live;

/// <summary>What a live subscriber wants to see; a null field matches anything.</summary>
public sealed record LiveFilter(string? Model = null, string? Stage = null, string? Kind = null, string? Name = null, string? Version = null)
{
    public static readonly LiveFilter All = new();

    public bool Matches(LivePoint point) =>
        (Model is null || Model == point.Model)
        && (Stage is null || Stage == point.Stage)
        && (Kind is null || Kind == point.Kind)
        && (Name is null || Name == point.Name)
        && (Version is null || Version == point.Version);
}
