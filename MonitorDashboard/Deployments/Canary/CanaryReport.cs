namespace MonitorDashboard.Deployments.Canary;

/// <summary>The answer of <c>GET /api/v1/deployments/{id}/analysis</c>: the recommendation, why, and each metric's verdict.</summary>
public sealed record CanaryReport(
    long DeploymentId,
    string Recommendation,
    string Reason,
    string Model,
    string Stage,
    string CandidateVersion,
    string? BaselineVersion,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset EvaluatedAt,
    string Method,
    IReadOnlyList<CanaryMetricReport> Metrics);
