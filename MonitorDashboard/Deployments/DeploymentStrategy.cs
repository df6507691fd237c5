namespace MonitorDashboard.Deployments;

/// <summary>How a new version takes traffic: mirrored (shadow), a growing share (canary), a switch (blue-green) or all at once.</summary>
public enum DeploymentStrategy { Shadow, Canary, BlueGreen, Full }
