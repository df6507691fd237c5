namespace MonitorDashboard.Deployments;

/// <summary>
/// One rollout of <see cref="Version"/> of a model on a stage. <see cref="WindowStart"/> is the time of the last traffic
/// step (or the start): the default canary analysis window starts there. <see cref="Events"/> are oldest first.
/// </summary>
public sealed record Deployment(
    long Id, string Model, string Stage, string Version, string? BaselineVersion, DeploymentStrategy Strategy, int TrafficPercent,
    DeploymentStatus Status, DateTimeOffset StartedAt, string StartedBy, DateTimeOffset? EndedAt, DateTimeOffset WindowStart,
    string? Note, string? LastWebhookError, IReadOnlyList<DeploymentEvent> Events)
{
    public bool IsActive => Status == DeploymentStatus.Active;
}
