namespace MonitorDashboard.Statistics;

public static class Quantiles
{
    /// <summary>
    /// Hyndman-Fan type 7 quantile (R's default, numpy's "linear"): interpolates between the order statistics
    /// at h = (n - 1)q, so the 0 and 1 quantiles are the minimum and maximum.
    /// </summary>
    public static double Of(IReadOnlyList<double> sortedValues, double q)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        if (sortedValues.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sortedValues));
        }
        if (double.IsNaN(q) || q < 0 || q > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must lie in [0, 1].");
        }

        var h = (sortedValues.Count - 1) * q;
        var lower = (int)Math.Floor(h);
        if (lower >= sortedValues.Count - 1)
        {
            return sortedValues[^1];
        }
        var fraction = h - lower;
        return sortedValues[lower] + fraction * (sortedValues[lower + 1] - sortedValues[lower]);
    }

    public static double Median(IReadOnlyList<double> sortedValues) => Of(sortedValues, 0.5);

    /// <summary>A sorted copy. NaN has no rank or order, so it is refused rather than silently sorted first.</summary>
    internal static double[] Sorted(IReadOnlyList<double> values)
    {
        var copy = values.ToArray();
        if (Array.Exists(copy, double.IsNaN))
        {
            throw new ArgumentException("Values must not be NaN.", nameof(values));
        }
        Array.Sort(copy);
        return copy;
    }
}
