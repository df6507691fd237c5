namespace MonitorDashboard.Storage;

/// <summary>The current state of one series under one rule, with its acknowledgement while firing.</summary>
public sealed class AlarmStateRow
{
    public long RuleId { get; set; }
    public long SeriesId { get; set; }
    public required string Status { get; set; }
    public long SinceMs { get; set; }
    public long? PendingSinceMs { get; set; }
    public double? Value { get; set; }
    public long EvaluatedMs { get; set; }
    public string? AcknowledgedBy { get; set; }
    public long? AcknowledgedMs { get; set; }
    public string? AcknowledgeComment { get; set; }
}
