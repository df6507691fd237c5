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
        var n1 = baseline.Count;
        var n2 = candidate.Count;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        var n = n1 + n2;
        var pooled = new (double Value, bool IsCandidate)[n];
        for (var i = 0; i < n1; i++)
        {
            pooled[i] = (baseline[i], false);
        }
        for (var j = 0; j < n2; j++)
        {
            pooled[n1 + j] = (candidate[j], true);
        }
        Array.Sort(pooled, static (a, b) => a.Value.CompareTo(b.Value));

        double candidateRankSum = 0;
        double tieTerm = 0; // sum of t^3 - t over tie groups
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && pooled[end].Value == pooled[start].Value)
            {
                end++;
            }
            var midRank = (start + 1 + end) / 2.0; // ranks start+1 .. end share their mean
            for (var k = start; k < end; k++)
            {
                if (pooled[k].IsCandidate)
                {
                    candidateRankSum += midRank;
                }
            }
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }

        var u = candidateRankSum - n2 * (n2 + 1) / 2.0;
        var pairs = (double)n1 * n2;
        var mean = pairs / 2;
        var variance = pairs / 12 * (n + 1 - tieTerm / ((double)n * (n - 1)));
        var z = variance > 0 ? (u - mean) / Math.Sqrt(variance) : 0;
        return new MannWhitneyResult(u, z, StandardNormal.TwoSidedPValue(z), u / pairs);
    }
}
