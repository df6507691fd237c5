namespace MonitorDashboard.Webhooks;

/// <summary>The webhook policy refused the resolved address: a permanent answer, so never retried.</summary>
public sealed class WebhookRefusedException(string message) : HttpRequestException(message);
