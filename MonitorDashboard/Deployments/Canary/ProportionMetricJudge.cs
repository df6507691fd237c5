using MonitorDashboard.Statistics;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Judges event counts. Worse = the candidate rate is significantly beyond baselineRate·(1 + m) (HigherIsWorse) or
/// below baselineRate·(1 - m) (HigherIsBetter): the score z of <see cref="TwoProportions.MarginZ"/> with ratio 1 ± m,
/// through the always-valid mSPRT with nEff = n1 n2 / (n1 + n2) trials. Better = the pooled z without margin.
/// </summary>
internal static class ProportionMetricJudge
{
    public static CanaryMetricResult Judge(CanaryMetricInput metric, double alpha, CanaryJudgeOptions options)
    {
        var baseline = metric.Baseline ?? default;
        var candidate = metric.Candidate ?? default;
        if (baseline.Trials < options.MinTrialsPerSide || candidate.Trials < options.MinTrialsPerSide)
        {
            return CanaryJudge.NoData(metric, baseline.Trials, candidate.Trials,
                $"not enough data: {baseline.Trials} baseline and {candidate.Trials} candidate trials, "
                + $"at least {options.MinTrialsPerSide} per side are needed");
        }

        var compared = TwoProportions.Compare(baseline.Events, baseline.Trials, candidate.Events, candidate.Trials);
        double? relative = compared.BaselineRate > 0 ? compared.Difference / compared.BaselineRate : null;
        var summary = $"rate {CanaryFormat.Rate(compared.CandidateRate)} vs {CanaryFormat.Rate(compared.BaselineRate)} "
            + $"({candidate.Events}/{candidate.Trials} vs {baseline.Events}/{baseline.Trials}; difference "
            + $"{CanaryFormat.Signed(compared.Difference * 100)} points {CanaryFormat.Interval(compared.Lower * 100, compared.Upper * 100)})";
        var change = relative is { } r
            ? $"candidate rate {CanaryFormat.Percent(Math.Abs(r))} {(r >= 0 ? "higher" : "lower")} than baseline"
            : compared.Difference > 0 ? "candidate has events where baseline has none" : "neither side has events";
        var margin = metric.AllowedRelativeChange;
        var effectiveN = AlwaysValid.EffectiveN(baseline.Trials, candidate.Trials);

        string? worse = null;
        foreach (var upper in SampleMetricJudge.WorseSides(metric.Direction))
        {
            var z = TwoProportions.MarginZ(baseline.Events, baseline.Trials, candidate.Events, candidate.Trials,
                upper ? 1 + margin : 1 - margin);
            if ((upper ? z > 0 : z < 0) && AlwaysValid.Rejects(z, effectiveN, options.Tau, alpha))
            {
                worse = $"{change} ({summary}), beyond the allowed {CanaryFormat.Percent(margin)}";
                break;
            }
        }

        var (verdict, reason) = VerdictWording.Decide(metric.Direction, worse,
            () => (metric.Direction == MetricDirection.HigherIsWorse ? compared.Z < 0 : compared.Z > 0)
                && AlwaysValid.Rejects(compared.Z, effectiveN, options.Tau, alpha),
            change, summary, margin);
        return new CanaryMetricResult(metric.Name, verdict, baseline.Trials, candidate.Trials, compared.Difference,
            [compared.Lower, compared.Upper], relative, reason, metric.Critical, compared.BaselineRate, compared.CandidateRate);
    }
}
