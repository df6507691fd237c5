using MonitorDashboard.Deployments;

namespace MonitorDashboard.Demo;

/// <summary>One scripted step of the demo roll-out, at <see cref="Offset"/> from the first start (negative: back-filled history).</summary>
public sealed record DemoRolloutStep(TimeSpan Offset, DeploymentAction Action, int TrafficPercent, string? Note, bool Degrades = false);
