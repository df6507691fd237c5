namespace MonitorDashboard.Deployments;

/// <summary>What happened to a deployment; each is kept as a <see cref="DeploymentEvent"/>.</summary>
public enum DeploymentAction { Start, Traffic, Promote, Rollback, Finish }
