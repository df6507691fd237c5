namespace MonitorDashboard.Storage;

/// <summary>The newest stored value of a series.</summary>
public sealed record LatestPoint(SeriesInfo Series, DateTimeOffset? Ts, double? Value);
