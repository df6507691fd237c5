namespace MonitorDashboard.Webhooks;

/// <summary>
/// Posts one JSON notification (alarm or deployment) through a resilient named client and says what went wrong, if
/// anything, in words a team can act on (never the URL itself); the senders store that on the rule or deployment it belongs to.
/// </summary>
public static class WebhookPoster
{
    /// <returns>null when the receiver answered 2xx; else why it did not hear of it (after the client's retries).</returns>
    public static async Task<string?> PostAsync<T>(HttpClient client, string url, T payload, CancellationToken stoppingToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(url, payload, stoppingToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} from the receiver";
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // refused connections, timeouts, an open circuit: all mean the receiver did not hear of it. The URL is left out:
            // hook URLs often carry a token, and these errors are shown to every viewer.
            return ex.Message;
        }
    }
}
