namespace MonitorDashboard.Deployments;

/// <summary>What a model's deployment webhook receives for each step (<see cref="Action"/> is the wire string).</summary>
public sealed record DeploymentWebhookPayload(
    long DeploymentId, string Model, string Stage, string Version, string? BaselineVersion, string Action, int TrafficPercent, string By, DateTimeOffset At)
{
    public static DeploymentWebhookPayload From(Deployment deployment, DeploymentEvent step) => new(
        deployment.Id, deployment.Model, deployment.Stage, deployment.Version, deployment.BaselineVersion, step.Action.ToWire(),
        deployment.TrafficPercent, step.By, step.At);
}
