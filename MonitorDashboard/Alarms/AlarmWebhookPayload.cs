namespace MonitorDashboard.Alarms;

/// <summary>
/// What a webhook receiver gets when a series starts firing or resolves. <see cref="Id"/> names the transition: a
/// notification sent again (the sending instance died between the receiver's answer and recording it) has the same id.
/// </summary>
public sealed record AlarmWebhookPayload(
    long Id, AlarmWebhookRule Rule, AlarmWebhookSeries Series, double? Value, string State, string PreviousState, DateTimeOffset At, string Link);

public sealed record AlarmWebhookRule(long Id, string Name, string Severity, string Condition);
