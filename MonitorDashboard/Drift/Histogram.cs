using MonitorDashboard.Statistics;

namespace MonitorDashboard.Drift;

/// <summary>
/// Both distributions over common, equal-width bins spanning the pooled 0.5 % to 99.5 % quantiles, so one extreme
/// value cannot squeeze the whole picture into a bin; values outside are counted in the end bins.
/// </summary>
public static class Histogram
{
    public static HistogramData Build(IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = 20)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);

        var pooled = reference.Concat(current).Where(double.IsFinite).ToArray();
        if (pooled.Length == 0)
        {
            return new HistogramData(Enumerable.Range(0, bins + 1).Select(i => (double)i).ToArray(), new double[bins], new double[bins]);
        }
        Array.Sort(pooled);
        var low = Quantiles.Of(pooled, 0.005);
        var high = Quantiles.Of(pooled, 0.995);
        if (high <= low)
        {
            // A constant metric: give it a unit-wide range centred on the value so the bars still draw.
            low -= 0.5;
            high += 0.5;
        }
        var width = (high - low) / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = low + i * width;
        }
        edges[bins] = high; // no rounding drift at the last edge
        return new HistogramData(edges, Shares(reference, low, width, bins), Shares(current, low, width, bins));
    }

    private static double[] Shares(IReadOnlyList<double> values, double low, double width, int bins)
    {
        var shares = new double[bins];
        var counted = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }
            var index = (int)Math.Clamp(Math.Floor((value - low) / width), 0, bins - 1);
            shares[index]++;
            counted++;
        }
        for (var i = 0; counted > 0 && i < bins; i++)
        {
            shares[i] /= counted;
        }
        return shares;
    }
}
