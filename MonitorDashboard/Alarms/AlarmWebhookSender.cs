using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Sends alarm webhooks from the outbox, oldest first, off the evaluation loop and on the instance that evaluates
/// (<see cref="AlarmEvaluationService"/> runs it under its lease). A transition is stored together with the webhook it
/// owes, and the webhook is marked sent once the receiver answered: an instance that takes over after a crash sends
/// what the dead one stored but had not sent. Delivery is at least once: after a crash between a receiver's answer and
/// the mark, or while an instance that lost its lease unnoticed still sends, a notification goes out again, with the same
/// <see cref="AlarmWebhookPayload.Id"/>.
/// Retries with backoff come from the resilience handler on the named HttpClient; a final failure is recorded on the
/// rule, so the team sees that a receiver is broken, and that notification is not tried again.
/// </summary>
public sealed class AlarmWebhookSender(
    IHttpClientFactory clients,
    AlarmWebhookOutbox outbox,
    AlarmRuleStore rules,
    SeriesQueryService series,
    IOptions<AlarmOptions> options,
    TimeProvider time,
    ILogger<AlarmWebhookSender> logger)
{
    public const string ClientName = "alarm-webhooks";
    private const int BatchSize = 100;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Something new is stored to send: look now rather than at the next wake.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Sends what is pending (left by a previous holder too), then what is stored later, until stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var retryAfterFailure = TimeSpan.FromSeconds(options.Value.EvaluationSeconds);
        while (true)
        {
            try
            {
                await SendPendingAsync(stoppingToken);
                await _wake.Reader.ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sending alarm webhooks failed; trying again in {Seconds} s", retryAfterFailure.TotalSeconds);
                await Task.Delay(retryAfterFailure, time, stoppingToken);
            }
        }
    }

    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AlarmNotification> batch;
        do
        {
            batch = await outbox.ListPendingAsync(BatchSize, cancellationToken);
            foreach (var notification in batch)
            {
                await SendAsync(notification, cancellationToken);
            }
        }
        while (batch.Count == BatchSize);
    }

    private async Task SendAsync(AlarmNotification notification, CancellationToken cancellationToken)
    {
        var rule = notification.Rule;
        // The rule may have lost its URL, or the series been deleted, since the transition was stored.
        var seriesInfo = await series.FindSeriesAsync(notification.SeriesId, cancellationToken);
        if (rule.WebhookUrl is not { } url || seriesInfo is null)
        {
            await outbox.MarkSentAsync(notification.Id, cancellationToken);
            return;
        }
        var error = await WebhookPoster.PostAsync(clients.CreateClient(ClientName), url, Payload(notification, seriesInfo), cancellationToken);
        await outbox.MarkSentAsync(notification.Id, cancellationToken);
        if (error is not null)
        {
            logger.LogWarning("Webhook of alarm rule {RuleId} failed after retries: {Error}", rule.Id, error);
        }
        await rules.RecordWebhookResultAsync(rule.Id, error, cancellationToken);
    }

    private AlarmWebhookPayload Payload(AlarmNotification notification, SeriesInfo seriesInfo)
    {
        var (rule, transition) = (notification.Rule, notification.Transition);
        return new AlarmWebhookPayload(
            notification.Id,
            new AlarmWebhookRule(rule.Id, rule.Name, rule.Severity.ToWire(), rule.Describe()),
            AlarmWebhookSeries.From(seriesInfo),
            transition.Value, transition.To.ToWire(), transition.From.ToWire(), transition.At,
            $"{options.Value.PublicBaseUrl?.TrimEnd('/')}/alarms/{rule.Id}");
    }
}
