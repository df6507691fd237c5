namespace MonitorDashboard.Statistics;

/// <summary>
/// Wilcoxon-Mann-Whitney rank-sum test with mid-ranks for ties, O(n log n).
/// Z uses the normal approximation with the tie-corrected variance and NO continuity correction
/// (as R's <c>wilcox.test(..., exact = FALSE, correct = FALSE)</c>): Z feeds the sequential test in
/// <see cref="AlwaysValid"/>, which wants the plain asymptotically normal statistic.
/// </summary>
public static class MannWhitney
{
    public static MannWhitneyResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }
        return TestSorted(Quantiles.Sorted(baseline), Quantiles.Sorted(candidate));
    }

    /// <summary>
    /// Both samples already sorted ascending. Ranks come from merging the two sorted samples (a primitive sort per
    /// side is several times faster than sorting labelled pairs, which matters when the canary judge re-runs every cycle).
    /// </summary>
    internal static MannWhitneyResult TestSorted(double[] baseline, double[] candidate)
    {
        int n1 = baseline.Length, n2 = candidate.Length, n = n1 + n2;
        double candidateRankSum = 0;
        double tieTerm = 0; // Σ (t³ - t) over groups of equal values
        int i = 0, j = 0, ranked = 0;
        while (i < n1 || j < n2)
        {
            var value = j >= n2 || (i < n1 && baseline[i] <= candidate[j]) ? baseline[i] : candidate[j];
            int fromBaseline = 0, fromCandidate = 0;
            while (i < n1 && baseline[i] == value)
            {
                i++;
                fromBaseline++;
            }
            while (j < n2 && candidate[j] == value)
            {
                j++;
                fromCandidate++;
            }
            double t = fromBaseline + fromCandidate;
            var midRank = ranked + (t + 1) / 2; // ranks ranked+1 .. ranked+t share their mean
            candidateRankSum += fromCandidate * midRank;
            tieTerm += t * t * t - t;
            ranked += (int)t;
        }

        var u = candidateRankSum - n2 * (n2 + 1) / 2.0;
        var pairs = (double)n1 * n2;
        var mean = pairs / 2;
        var variance = pairs / 12 * (n + 1 - tieTerm / ((double)n * (n - 1)));
        var z = variance > 0 ? (u - mean) / Math.Sqrt(variance) : 0;
        return new MannWhitneyResult(u, z, StandardNormal.TwoSidedPValue(z), u / pairs);
    }
}
