using MonitorDashboard.Statistics;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Judges value samples. Worse = the candidate is significantly beyond the margin m, tested by ranking the baseline
/// against the candidate scaled by 1/(1+m) (HigherIsWorse: is c/(1+m) stochastically above b?) or by 1/(1-m)
/// (HigherIsBetter: is c/(1-m) below b, i.e. c more than m below b?), with the always-valid mSPRT on the
/// Mann-Whitney z; plus the tail test of <see cref="SampleTailTest"/>. Better = the unscaled test, better direction.
/// </summary>
internal static class SampleMetricJudge
{
    public static CanaryMetricResult Judge(CanaryMetricInput metric, double alpha, CanaryJudgeOptions options)
    {
        var baselineValues = metric.BaselineValues ?? [];
        var candidateValues = metric.CandidateValues ?? [];
        if (baselineValues.Count < options.MinSamplesPerSide || candidateValues.Count < options.MinSamplesPerSide)
        {
            return CanaryJudge.NoData(metric, baselineValues.Count, candidateValues.Count,
                $"not enough data: {baselineValues.Count} baseline and {candidateValues.Count} candidate values, "
                + $"at least {options.MinSamplesPerSide} per side are needed");
        }

        var baseline = Quantiles.Sorted(baselineValues);
        var candidate = Quantiles.Sorted(candidateValues);
        var baselineMedian = Quantiles.Median(baseline);
        var candidateMedian = Quantiles.Median(candidate);
        var shift = HodgesLehmann.EstimateSorted(baseline, candidate);
        double? relative = baselineMedian != 0 ? shift.Shift / Math.Abs(baselineMedian) : null;
        var summary = $"median {CanaryFormat.Number(candidateMedian)} vs {CanaryFormat.Number(baselineMedian)} "
            + $"(HL {CanaryFormat.Signed(shift.Shift)} {CanaryFormat.Interval(shift.Lower, shift.Upper)})";
        var change = relative is { } r
            ? $"candidate {CanaryFormat.Percent(Math.Abs(r))} {(r >= 0 ? "higher" : "lower")} than baseline"
            : "candidate differs from baseline";
        var margin = metric.AllowedRelativeChange;
        var effectiveN = AlwaysValid.EffectiveN(baseline.Length, candidate.Length);

        string? worse = null;
        foreach (var upper in WorseSides(metric.Direction))
        {
            var scaled = Scale(candidate, upper ? 1 / (1 + margin) : 1 / (1 - margin));
            var location = MannWhitney.TestSorted(baseline, scaled);
            if ((upper ? location.Z > 0 : location.Z < 0) && AlwaysValid.Rejects(location.Z, effectiveN, options.Tau, alpha))
            {
                worse = $"{change} ({summary}), beyond the allowed {CanaryFormat.Percent(margin)}";
            }
            worse ??= SampleTailTest.FindWorse(baseline, candidate, scaled, upper, alpha, options.Tau);
            if (worse is not null)
            {
                break;
            }
        }

        var (verdict, reason) = VerdictWording.Decide(metric.Direction, worse,
            () => IsBetter(metric.Direction, baseline, candidate, effectiveN, alpha, options.Tau), change, summary, margin);
        return new CanaryMetricResult(metric.Name, verdict, baseline.Length, candidate.Length, shift.Shift,
            [shift.Lower, shift.Upper], relative, reason, metric.Critical, baselineMedian, candidateMedian);
    }

    /// <summary>true = the upper side (higher values hurt), false = the lower side.</summary>
    public static bool[] WorseSides(MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsWorse => [true],
        MetricDirection.HigherIsBetter => [false],
        _ => [true, false],
    };

    private static bool IsBetter(
        MetricDirection direction, double[] baseline, double[] candidate, double effectiveN, double alpha, double tau)
    {
        var z = MannWhitney.TestSorted(baseline, candidate).Z;
        var betterSign = direction == MetricDirection.HigherIsWorse ? z < 0 : z > 0;
        return betterSign && AlwaysValid.Rejects(z, effectiveN, tau, alpha);
    }

    private static double[] Scale(double[] sorted, double factor)
    {
        var scaled = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            scaled[i] = sorted[i] * factor; // a positive factor keeps the order
        }
        return scaled;
    }
}
