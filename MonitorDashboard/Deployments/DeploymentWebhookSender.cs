using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Deployments;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Deployments;

/// <summary>
/// Tells a model's CD hook of each deployment step, off the request. Retries with backoff come from the resilience handler
/// on the named HttpClient; the final outcome is stored on the deployment, so a broken hook shows in the API.
/// </summary>
public sealed class DeploymentWebhookSender(
    IHttpClientFactory clients, DeploymentStore deployments, IOptionsMonitor<DeploymentOptions> options, ILogger<DeploymentWebhookSender> logger) : BackgroundService
{
    public const string ClientName = "deployment-webhooks";
    private readonly Channel<(long DeploymentId, string Url, DeploymentWebhookPayload Payload)> _queue =
        Channel.CreateBounded<(long, string, DeploymentWebhookPayload)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues the newest step of <paramref name="deployment"/> for its model's hook; nothing when the model has none.</summary>
    public void Enqueue(Deployment deployment)
    {
        if (deployment.Events.Count > 0 && options.CurrentValue.Webhooks.TryGetValue(deployment.Model, out var url) && !string.IsNullOrWhiteSpace(url))
        {
            _queue.Writer.TryWrite((deployment.Id, url, DeploymentWebhookPayload.From(deployment, deployment.Events[^1])));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (deploymentId, url, payload) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var error = await WebhookPoster.PostAsync(clients.CreateClient(ClientName), url, payload, stoppingToken);
            if (error is not null)
            {
                logger.LogWarning("Webhook of deployment {DeploymentId} ({Action}) failed after retries: {Error}", deploymentId, payload.Action, error);
            }
            try
            {
                await deployments.RecordWebhookResultAsync(deploymentId, error, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not store the webhook result of deployment {DeploymentId}", deploymentId);
            }
        }
    }
}
