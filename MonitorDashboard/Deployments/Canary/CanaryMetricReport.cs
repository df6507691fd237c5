namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// One metric of a canary analysis as the API and page show it. <see cref="Effect"/> is the Hodges-Lehmann shift
/// (candidate minus baseline, in the metric's unit) for values, or the difference of rates for proportions, with its
/// 95% interval; percentiles are p50, p95, p99 of each side (values only).
/// </summary>
public sealed record CanaryMetricReport(
    string Name,
    string Verdict,
    long BaselineN,
    long CandidateN,
    double? Effect,
    double[]? Interval,
    double? RelativeChange,
    string Direction,
    bool Critical,
    double AllowedRelativeChange,
    double? BaselineValue,
    double? CandidateValue,
    double[]? BaselinePercentiles,
    double[]? CandidatePercentiles,
    string Reason);
