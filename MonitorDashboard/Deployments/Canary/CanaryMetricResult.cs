namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Samples: Effect is the Hodges-Lehmann shift (candidate - baseline, metric units) with its 95 % Moses interval,
/// values are medians, RelativeChange = Effect / |baseline median|. Proportions: Effect is the rate difference with
/// its 95 % Newcombe interval, values are rates, RelativeChange = difference / baseline rate. Both null when undefined.
/// BaselineN/CandidateN are values or trials.
/// </summary>
public sealed record CanaryMetricResult(
    string Name,
    CanaryVerdict Verdict,
    long BaselineN,
    long CandidateN,
    double Effect,
    double[] Interval,
    double? RelativeChange,
    string Reason,
    bool Critical,
    double? BaselineValue,
    double? CandidateValue);
