namespace MonitorDashboard.Statistics;

/// <summary>
/// Population Stability Index, Σ (c_i - r_i) ln(c_i / r_i), over bins cut at the reference's quantiles
/// (deciles for 10 bins, type 7), so each reference bin holds about 1/bins of the reference.
/// A value equal to an edge falls in the lower bin: bins are (e_{i-1}, e_i].
/// Empty bins would make the logarithm infinite; their share is raised to <see cref="EmptyBinShare"/> (1e-4),
/// the usual practice. Shown for familiarity only: its spread under no change grows like (bins - 1)(1/n + 1/m),
/// so a fixed cut-off such as 0.1 is not calibrated across sample sizes (the drift decision uses KS).
/// </summary>
public static class PopulationStability
{
    public const double EmptyBinShare = 1e-4;

    public static double Index(IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (reference.Count == 0 || current.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        var sortedReference = Quantiles.Sorted(reference);
        var edges = new double[bins - 1];
        for (var i = 1; i < bins; i++)
        {
            edges[i - 1] = Quantiles.Of(sortedReference, (double)i / bins);
        }

        var referenceShares = Shares(reference, edges);
        var currentShares = Shares(current, edges);
        double psi = 0;
        for (var i = 0; i < bins; i++)
        {
            var r = Math.Max(referenceShares[i], EmptyBinShare);
            var c = Math.Max(currentShares[i], EmptyBinShare);
            psi += (c - r) * Math.Log(c / r);
        }
        return psi;
    }

    private static double[] Shares(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new double[edges.Length + 1];
        foreach (var value in values)
        {
            counts[BinOf(value, edges)]++;
        }
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= values.Count;
        }
        return counts;
    }

    /// <summary>The number of edges strictly below the value.</summary>
    private static int BinOf(double value, double[] edges)
    {
        int low = 0, high = edges.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (edges[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
