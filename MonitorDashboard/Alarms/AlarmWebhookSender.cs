using System.Threading.Channels;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Posts alarm notifications off the evaluation loop. Retries with backoff come from the resilience handler on the
/// named HttpClient; a final failure is recorded on the rule so the team sees that a receiver is broken.
/// </summary>
public sealed class AlarmWebhookSender(IHttpClientFactory clients, AlarmRuleStore rules, ILogger<AlarmWebhookSender> logger) : BackgroundService
{
    public const string ClientName = "alarm-webhooks";
    private readonly Channel<(long RuleId, string Url, AlarmWebhookPayload Payload)> _queue =
        Channel.CreateBounded<(long, string, AlarmWebhookPayload)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(long ruleId, string url, AlarmWebhookPayload payload) => _queue.Writer.TryWrite((ruleId, url, payload));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (ruleId, url, payload) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var error = await WebhookPoster.PostAsync(clients.CreateClient(ClientName), url, payload, stoppingToken);
            if (error is not null)
            {
                logger.LogWarning("Webhook of alarm rule {RuleId} failed after retries: {Error}", ruleId, error);
            }
            await rules.RecordWebhookResultAsync(ruleId, error, stoppingToken);
        }
    }
}
