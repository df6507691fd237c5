namespace MonitorDashboard.Storage;

/// <summary>A series as pages and the API see it.</summary>
public sealed record SeriesInfo(long Id, string Model, string Version, string Stage, string Kind, string Name, IReadOnlyDictionary<string, string> Tags);
