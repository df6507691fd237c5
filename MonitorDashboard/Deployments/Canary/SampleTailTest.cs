using MonitorDashboard.Statistics;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// A location test cannot see a wider spread or a heavier tail (same median, 3x p99). This compares how many values
/// of each side fall beyond a POOLED quantile (p95, p99) of both samples, on the worse side, as two proportions
/// with the pooled z and the same mSPRT. The candidate is scaled by the margin first, as in the location test.
/// A test runs only when the pooled rate promises at least 10 exceedances per side (the normal approximation
/// needs them); otherwise it is skipped without comment.
/// </summary>
internal static class SampleTailTest
{
    public static readonly double[] TailQuantiles = [0.95, 0.99];

    private const double MinExpectedExceedances = 10;

    /// <summary>Returns the reason when the tail is significantly worse, else null.</summary>
    public static string? FindWorse(
        double[] baselineSorted, double[] candidateSorted, double[] scaledCandidateSorted, bool upper, double alpha, double tau)
    {
        var pooled = new double[baselineSorted.Length + scaledCandidateSorted.Length];
        baselineSorted.CopyTo(pooled, 0);
        scaledCandidateSorted.CopyTo(pooled, baselineSorted.Length);
        Array.Sort(pooled);
        long nb = baselineSorted.Length, nc = scaledCandidateSorted.Length;
        var effectiveN = AlwaysValid.EffectiveN(nb, nc);

        foreach (var q in TailQuantiles)
        {
            var threshold = Quantiles.Of(pooled, upper ? q : 1 - q);
            var xb = Exceedances(baselineSorted, threshold, upper);
            var xc = Exceedances(scaledCandidateSorted, threshold, upper);
            var pooledRate = (double)(xb + xc) / (nb + nc);
            if (pooledRate * nb < MinExpectedExceedances || pooledRate * nc < MinExpectedExceedances)
            {
                continue;
            }
            var z = TwoProportions.MarginZ(xb, nb, xc, nc, 1);
            if ((upper ? z > 0 : z < 0) && AlwaysValid.Rejects(z, effectiveN, tau, alpha))
            {
                return Describe(baselineSorted, candidateSorted, upper, q, (double)xb / nb, (double)xc / nc);
            }
        }
        return null;
    }

    private static long Exceedances(double[] sorted, double threshold, bool upper)
    {
        // Binary searches on the sorted side: strictly above (upper) or strictly below (lower) the threshold.
        var index = Array.BinarySearch(sorted, threshold);
        if (index < 0)
        {
            index = ~index;
            return upper ? sorted.Length - index : index;
        }
        int first = index, last = index;
        while (first > 0 && sorted[first - 1] == threshold)
        {
            first--;
        }
        while (last < sorted.Length - 1 && sorted[last + 1] == threshold)
        {
            last++;
        }
        return upper ? sorted.Length - 1 - last : first;
    }

    private static string Describe(double[] baseline, double[] candidate, bool upper, double q, double baselineShare, double candidateShare)
    {
        var (lowQ, highQ) = upper ? (0.95, 0.99) : (0.05, 0.01);
        var (lowName, highName) = upper ? ("p95", "p99") : ("p5", "p1");
        var b95 = Quantiles.Of(baseline, lowQ);
        var c95 = Quantiles.Of(candidate, lowQ);
        var b99 = Quantiles.Of(baseline, highQ);
        var c99 = Quantiles.Of(candidate, highQ);
        var side = upper ? "upper" : "lower";
        var beyond = upper ? "above" : "below";
        var pooledName = upper ? $"p{q * 100:0}" : $"p{(1 - q) * 100:0}";
        return $"{highName} {CanaryFormat.Number(c99)} vs {CanaryFormat.Number(b99)} ({CanaryFormat.Ratio(c99, b99)}), "
            + $"{lowName} {CanaryFormat.Number(c95)} vs {CanaryFormat.Number(b95)}: {side} tail worse; "
            + $"{CanaryFormat.Percent(candidateShare)} of candidate values vs {CanaryFormat.Percent(baselineShare)} "
            + $"of baseline values lie {beyond} the pooled {pooledName}";
    }
}
