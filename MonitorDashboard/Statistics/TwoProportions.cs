namespace MonitorDashboard.Statistics;

/// <summary>
/// Difference of two independent proportions: the Newcombe (1998) hybrid score interval, method 10, built from the
/// two Wilson score intervals (Statistics in Medicine 17:873-890; for 56/70 - 48/80 it gives 0.2000 [0.0524, 0.3339]),
/// and the pooled two-proportion z.
/// </summary>
public static class TwoProportions
{
    public static ProportionResult Compare(
        long baselineEvents, long baselineTrials, long candidateEvents, long candidateTrials, double confidence = 0.95)
    {
        Validate(baselineEvents, baselineTrials, nameof(baselineEvents));
        Validate(candidateEvents, candidateTrials, nameof(candidateEvents));
        var z = StandardNormal.TwoSidedCritical(confidence);

        var pb = (double)baselineEvents / baselineTrials;
        var pc = (double)candidateEvents / candidateTrials;
        var (lb, ub) = Wilson(baselineEvents, baselineTrials, z);
        var (lc, uc) = Wilson(candidateEvents, candidateTrials, z);
        var difference = pc - pb;
        var lower = difference - Math.Sqrt((pc - lc) * (pc - lc) + (ub - pb) * (ub - pb));
        var upper = difference + Math.Sqrt((uc - pc) * (uc - pc) + (pb - lb) * (pb - lb));
        return new ProportionResult(pb, pc, difference, lower, upper,
            MarginZ(baselineEvents, baselineTrials, candidateEvents, candidateTrials, 1));
    }

    /// <summary>Wilson score interval for events/trials at the two-sided critical value z.</summary>
    public static (double Lower, double Upper) Wilson(long events, long trials, double z)
    {
        Validate(events, trials, nameof(events));
        double n = trials;
        var p = events / n;
        var z2 = z * z;
        var centre = p + z2 / (2 * n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        return (Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }

    /// <summary>
    /// Score z for H0: candidateRate = ratio · baselineRate (positive when the candidate is above ratio · baseline).
    /// The variance is evaluated at the rates restricted to the null, p̃_b = (x_b + x_c)/(n_b + ratio n_c) and
    /// p̃_c = ratio p̃_b (the restricted maximum likelihood in the rare-event limit), so zero counts never give a
    /// zero variance. With ratio = 1 it is exactly the pooled two-proportion z. The judge uses ratio = 1 ± margin
    /// for its non-inferiority tests on relative rates.
    /// </summary>
    public static double MarginZ(
        long baselineEvents, long baselineTrials, long candidateEvents, long candidateTrials, double ratio)
    {
        Validate(baselineEvents, baselineTrials, nameof(baselineEvents));
        Validate(candidateEvents, candidateTrials, nameof(candidateEvents));
        if (double.IsNaN(ratio) || ratio <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The ratio must be positive.");
        }
        double nb = baselineTrials, nc = candidateTrials;
        var pb = baselineEvents / nb;
        var pc = candidateEvents / nc;
        var restrictedBaseline = Math.Min((baselineEvents + candidateEvents) / (nb + ratio * nc), 1 / Math.Max(ratio, 1));
        var restrictedCandidate = ratio * restrictedBaseline;
        var variance = restrictedCandidate * (1 - restrictedCandidate) / nc
            + ratio * ratio * restrictedBaseline * (1 - restrictedBaseline) / nb;
        return variance > 0 ? (pc - ratio * pb) / Math.Sqrt(variance) : 0;
    }

    private static void Validate(long events, long trials, string name)
    {
        if (trials <= 0 || events < 0 || events > trials)
        {
            throw new ArgumentOutOfRangeException(name, $"Need 0 <= events <= trials and trials > 0 (got {events}/{trials}).");
        }
    }
}
