namespace MonitorDashboard.Alarms;

/// <summary>What a webhook receiver gets when a series starts firing or resolves.</summary>
public sealed record AlarmWebhookPayload(
    AlarmWebhookRule Rule, AlarmWebhookSeries Series, double? Value, string State, string PreviousState, DateTimeOffset At, string Link);

public sealed record AlarmWebhookRule(long Id, string Name, string Severity, string Condition);
