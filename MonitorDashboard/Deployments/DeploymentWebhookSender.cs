using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Deployments;

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
            string? error = null;
            try
            {
                using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, payload, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"HTTP {(int)response.StatusCode} from {url}";
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // refused connections, timeouts, an open circuit: all mean the hook did not hear of this step
                error = $"{url}: {ex.Message}";
            }
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
