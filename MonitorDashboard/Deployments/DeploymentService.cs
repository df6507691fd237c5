using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments;

/// <summary>
/// Starting and stepping deployments, for the API, the pages and the demo alike: the change is stored (and audited)
/// first, then the model's roll-back hook is told, so a button pressed on the dashboard reaches the CD system.
/// </summary>
public sealed class DeploymentService(DeploymentStore store, DeploymentWebhookSender webhooks)
{
    public async Task<Deployment> CreateAsync(DeploymentRequest request, string actor, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var created = await store.CreateAsync(request, actor, cancellationToken, at);
        webhooks.Enqueue(created);
        return created;
    }

    public async Task<DeploymentChange> ApplyAsync(
        long id, DeploymentAction action, int? trafficPercent, string? note, string actor, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var change = await store.ApplyAsync(id, action, trafficPercent, note, actor, cancellationToken, at);
        if (change.Deployment is { } deployment)
        {
            webhooks.Enqueue(deployment);
        }
        return change;
    }
}
