namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// One metric to judge: either value samples (latency, memory: BaselineValues/CandidateValues) or event counts
/// (error rate, click-through: Baseline/Candidate), never both. AllowedRelativeChange is the non-inferiority
/// margin m (0.1 = 10 %): a change within it is not called worse. For samples it scales values, so it assumes
/// a ratio-scale metric (positive values); below HigherIsBetter and TwoSided it must be under 1.
/// </summary>
public sealed record CanaryMetricInput(
    string Name,
    MetricDirection Direction,
    bool Critical,
    double AllowedRelativeChange,
    IReadOnlyList<double>? BaselineValues = null,
    IReadOnlyList<double>? CandidateValues = null,
    ProportionCounts? Baseline = null,
    ProportionCounts? Candidate = null)
{
    public bool IsProportion => BaselineValues is null && CandidateValues is null && (Baseline is not null || Candidate is not null);
}
