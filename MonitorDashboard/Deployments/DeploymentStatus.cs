namespace MonitorDashboard.Deployments;

/// <summary>Active until promoted, rolled back or finished; only an active deployment takes traffic steps.</summary>
public enum DeploymentStatus { Active, Promoted, RolledBack, Finished }
