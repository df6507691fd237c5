using MonitorDashboard.Deployments.Canary;

namespace MonitorDashboard.Tests.Deployments.Canary;

/// <summary>The default metric set of the tests: latency and error rate critical, memory and null returns not.</summary>
internal static class CanaryMetrics
{
    public static CanaryMetricInput Latency(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        new("latency_ms", MetricDirection.HigherIsWorse, Critical: true, AllowedRelativeChange: 0.1,
            BaselineValues: baseline, CandidateValues: candidate);

    public static CanaryMetricInput Errors(long baselineErrors, long baselineTrials, long candidateErrors, long candidateTrials) =>
        new("error_rate", MetricDirection.HigherIsWorse, Critical: true, AllowedRelativeChange: 0.1,
            Baseline: new ProportionCounts(baselineErrors, baselineTrials),
            Candidate: new ProportionCounts(candidateErrors, candidateTrials));

    public static CanaryMetricInput NullReturns(long baselineNulls, long baselineCalls, long candidateNulls, long candidateCalls) =>
        new("null_return_rate", MetricDirection.HigherIsWorse, Critical: false, AllowedRelativeChange: 0.1,
            Baseline: new ProportionCounts(baselineNulls, baselineCalls),
            Candidate: new ProportionCounts(candidateNulls, candidateCalls));

    public static CanaryMetricInput Memory(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        new("memory_mb", MetricDirection.HigherIsWorse, Critical: false, AllowedRelativeChange: 0.1,
            BaselineValues: baseline, CandidateValues: candidate);

    public static CanaryMetricInput ClickThrough(long baselineClicks, long baselineViews, long candidateClicks, long candidateViews) =>
        new("ctr", MetricDirection.HigherIsBetter, Critical: true, AllowedRelativeChange: 0.1,
            Baseline: new ProportionCounts(baselineClicks, baselineViews),
            Candidate: new ProportionCounts(candidateClicks, candidateViews));
}
