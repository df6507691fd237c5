namespace MonitorDashboard.Deployments;

/// <summary>The body of a traffic step, promote, rollback or finish (an empty body is an empty request).</summary>
public sealed record DeploymentStepRequest(int? TrafficPercent = null, string? Note = null);
