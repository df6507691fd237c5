namespace MonitorDashboard.Statistics;

/// <summary>
/// Hodges-Lehmann shift estimate with the distribution-free interval of Moses (Hollander and Wolfe,
/// Nonparametric Statistical Methods, section 4.3): the interval runs from the C-th to the (N + 1 - C)-th
/// smallest of the N = n1 n2 pairwise differences, with C = floor(N/2 - z sqrt(n1 n2 (n1 + n2 + 1) / 12))
/// (the normal approximation; floor rounds towards the wider, conservative interval; no tie correction).
/// <para>
/// The brief suggested subsampling each side to about 2,000 values to bound the N differences. It is not needed:
/// <see cref="PairwiseDifferences"/> selects order statistics without building the differences, in
/// O((n1 + n2) log(n1 n2)), so the estimate uses every value and stays exact at any size.
/// </para>
/// </summary>
public static class HodgesLehmann
{
    public static HodgesLehmannResult Estimate(
        IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }
        return EstimateSorted(Quantiles.Sorted(baseline), Quantiles.Sorted(candidate), confidence);
    }

    internal static HodgesLehmannResult EstimateSorted(double[] baseline, double[] candidate, double confidence = 0.95)
    {
        var z = StandardNormal.TwoSidedCritical(confidence);
        var differences = new PairwiseDifferences(candidate, baseline);
        var count = differences.Count;
        var shift = count % 2 == 1
            ? differences.Select((count + 1) / 2)
            : Average(differences.SelectWithNext(count / 2));

        double n1 = baseline.Length, n2 = candidate.Length;
        var c = (long)Math.Floor(count / 2.0 - z * Math.Sqrt(n1 * n2 * (n1 + n2 + 1) / 12));
        // Samples too small for the requested confidence: report the whole range rather than a false precision.
        c = Math.Max(c, 1);
        return new HodgesLehmannResult(shift, differences.Select(c), differences.Select(count + 1 - c));
    }

    private static double Average((double First, double Second) pair) => (pair.First + pair.Second) / 2;
}
