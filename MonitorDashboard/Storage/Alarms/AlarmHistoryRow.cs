using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>
/// One state change of one series under one rule, with the value that caused it. <see cref="WebhookPending"/>: the rule's
/// webhook is still to be told (set in the transaction that stores the change, cleared once it is sent): the outbox.
/// </summary>
public sealed class AlarmHistoryRow
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    public long SeriesId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public AlarmStatus FromStatus { get; set; }
    public AlarmStatus ToStatus { get; set; }
    public double? Value { get; set; }
    public bool WebhookPending { get; set; }
}
