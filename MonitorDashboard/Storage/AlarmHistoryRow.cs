namespace MonitorDashboard.Storage;

/// <summary>One state change of one series under one rule, with the value that caused it.</summary>
public sealed class AlarmHistoryRow
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    public long SeriesId { get; set; }
    public long TimestampMs { get; set; }
    public required string FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public double? Value { get; set; }
}
