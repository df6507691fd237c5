namespace MonitorDashboard.Benchmarks;

/// <summary>Nearest-rank percentiles, the definition the tables use throughout.</summary>
public static class Percentiles
{
    /// <summary>The value at <paramref name="quantile"/> (0.95 for p95) of an ascending list; NaN when it is empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
