namespace MonitorDashboard.Storage;

/// <summary>Everything that identifies a series; <see cref="Tags"/> is the canonical tag JSON.</summary>
public readonly record struct SeriesKey(string Model, string Version, string Stage, string Kind, string Name, string Tags);
