namespace MonitorDashboard.Deployments.Canary;

public sealed record CanaryAnalysis(
    CanaryRecommendation Recommendation, string Reason, IReadOnlyList<CanaryMetricResult> Metrics);
