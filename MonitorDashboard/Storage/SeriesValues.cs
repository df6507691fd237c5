namespace MonitorDashboard.Storage;

/// <summary>
/// Raw values of the series a filter matched over a time range (tags merged), for the statistics that need whole
/// distributions: canary judgement and drift. <see cref="Total"/> counts every stored point; <see cref="Values"/> is an
/// evenly spaced subsample of at most the requested size, so a long window costs bounded memory and CPU.
/// </summary>
public sealed record SeriesValues(IReadOnlyList<double> Values, long Total, long FirstMs, long LastMs)
{
    public static readonly SeriesValues Empty = new([], 0, 0, 0);

    /// <summary>The span the points cover, in seconds (0 with fewer than two points).</summary>
    public double CoveredSeconds => Total < 2 ? 0 : (LastMs - FirstMs) / 1000.0;

    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();
}
