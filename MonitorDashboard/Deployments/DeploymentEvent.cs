namespace MonitorDashboard.Deployments;

/// <summary>One step of a deployment: who did what, when, and the traffic share it set.</summary>
public sealed record DeploymentEvent(long Id, long DeploymentId, DeploymentAction Action, int? TrafficPercent, string By, DateTimeOffset At, string? Note);
