namespace MonitorDashboard.Deployments;

/// <summary>The body of <c>PUT /api/v1/metrics/{name}/direction</c>.</summary>
public sealed record MetricDirectionRequest(string? Direction);
