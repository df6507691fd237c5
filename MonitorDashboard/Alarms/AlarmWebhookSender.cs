using System.Threading.Channels;

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
            string? error = null;
            try
            {
                using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, payload, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"HTTP {(int)response.StatusCode} from the receiver";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
            {
                error = ex.Message;
            }
            if (error is not null)
            {
                logger.LogWarning("Webhook of alarm rule {RuleId} failed after retries: {Error}", ruleId, error);
            }
            await rules.RecordWebhookResultAsync(ruleId, error, stoppingToken);
        }
    }
}
