namespace MonitorDashboard.Deployments;

/// <summary>Outcome of a step: the updated deployment, no such deployment, or why the step is not allowed (a field and a reason).</summary>
public sealed record DeploymentChange(Deployment? Deployment, bool NotFound = false, string? InvalidField = null, string? InvalidReason = null)
{
    public bool Applied => Deployment is not null;

    public static DeploymentChange Missing { get; } = new(null, NotFound: true);

    public static DeploymentChange Done(Deployment deployment) => new(deployment);

    public static DeploymentChange Invalid(string field, string reason) => new(null, InvalidField: field, InvalidReason: reason);
}
