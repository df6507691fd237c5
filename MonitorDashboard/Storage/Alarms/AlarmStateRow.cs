using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>The current state of one series under one rule, with its acknowledgement while firing.</summary>
public sealed class AlarmStateRow
{
    public long RuleId { get; set; }
    public long SeriesId { get; set; }
    public AlarmStatus Status { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset? PendingSince { get; set; }
    public double? Value { get; set; }
    public DateTimeOffset Evaluated { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? Acknowledged { get; set; }
    public string? AcknowledgeComment { get; set; }
}
