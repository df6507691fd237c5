namespace MonitorDashboard.Storage;

/// <summary>Selects series; a null field matches anything.</summary>
public sealed record SeriesFilter(string? Model = null, string? Version = null, string? Stage = null, string? Kind = null, string? Name = null);
