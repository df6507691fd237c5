namespace MonitorDashboard.Storage;

/// <summary>The raw points of one series over a range, in time order, as two parallel arrays (compact for a 24 h replay).</summary>
public sealed record SeriesPoints(SeriesInfo Series, long[] TimestampsMs, double[] Values);
