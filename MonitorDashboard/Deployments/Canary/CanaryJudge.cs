namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Canary judge. Unlike Kayenta's (a Mann-Whitney test per metric at a fixed alpha, re-run each interval, pass or
/// fail on a location shift only), it
/// <list type="bullet">
/// <item>uses always-valid tests (mSPRT), so re-judging the cumulative data every cycle does not inflate false rollbacks;</item>
/// <item>splits Alpha over every worse-direction test of every metric (Bonferroni), so Alpha is family-wise;</item>
/// <item>tests a non-inferiority margin (AllowedRelativeChange) instead of "any change";</item>
/// <item>checks the tails (p95, p99), so a worse tail with the same median cannot pass;</item>
/// <item>judges rates from counts (two proportions), so sparse errors are not lost in per-interval samples.</item>
/// </list>
/// The Bonferroni count is the number of tests each metric is ENTITLED to (<see cref="ComparisonsFor"/>: location
/// plus p95 and p99 tails per worse side for samples, one per worse side for rates), not the number that happened to
/// run at this look: tail tests switch on as data grows, and a count that grew over the canary's life would give
/// the early looks a larger share of alpha than the bound allows. A fixed count keeps the family-wise bound exact.
/// </summary>
public static class CanaryJudge
{
    public static CanaryAnalysis Judge(IReadOnlyList<CanaryMetricInput> metrics, CanaryJudgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        options ??= new CanaryJudgeOptions();
        var comparisons = metrics.Sum(ComparisonsFor);
        var results = metrics.Select(m => JudgeMetric(m, comparisons, options)).ToArray();
        var (recommendation, reason) = CanaryRecommender.Recommend(results, options);
        return new CanaryAnalysis(recommendation, reason, results);
    }

    /// <summary>Judges one metric at the per-comparison alpha Alpha / comparisons.</summary>
    public static CanaryMetricResult JudgeMetric(CanaryMetricInput metric, int comparisons, CanaryJudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(options);
        Validate(metric, options);
        var alpha = options.Alpha / Math.Max(1, comparisons);
        return metric.IsProportion
            ? ProportionMetricJudge.Judge(metric, alpha, options)
            : SampleMetricJudge.Judge(metric, alpha, options);
    }

    /// <summary>How many worse-direction tests the metric takes part in, for the Bonferroni split.</summary>
    public static int ComparisonsFor(CanaryMetricInput metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var sides = metric.Direction == MetricDirection.TwoSided ? 2 : 1;
        return metric.IsProportion ? sides : sides * (1 + SampleTailTest.TailQuantiles.Length);
    }

    internal static CanaryMetricResult NoData(CanaryMetricInput metric, long baselineN, long candidateN, string reason) =>
        new(metric.Name, CanaryVerdict.NoData, baselineN, candidateN, double.NaN, [double.NaN, double.NaN], null,
            reason, metric.Critical, null, null);

    private static void Validate(CanaryMetricInput metric, CanaryJudgeOptions options)
    {
        if (double.IsNaN(options.Alpha) || options.Alpha <= 0 || options.Alpha >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Alpha, "Alpha must lie in (0, 1).");
        }
        if (double.IsNaN(options.Tau) || options.Tau <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tau, "Tau must be positive.");
        }
        var hasValues = metric.BaselineValues is not null || metric.CandidateValues is not null;
        var hasCounts = metric.Baseline is not null || metric.Candidate is not null;
        if (hasValues && hasCounts)
        {
            throw new ArgumentException($"Metric {metric.Name} has both values and counts; give one kind.", nameof(metric));
        }
        var margin = metric.AllowedRelativeChange;
        var needsLowerSide = metric.Direction != MetricDirection.HigherIsWorse;
        if (double.IsNaN(margin) || margin < 0 || (needsLowerSide && margin >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), margin,
                $"AllowedRelativeChange of {metric.Name} must be >= 0 (and < 1 when lower values can be worse).");
        }
    }
}
