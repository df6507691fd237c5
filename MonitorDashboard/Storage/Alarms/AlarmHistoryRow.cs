using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>One state change of one series under one rule, with the value that caused it.</summary>
public sealed class AlarmHistoryRow
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    public long SeriesId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public AlarmStatus FromStatus { get; set; }
    public AlarmStatus ToStatus { get; set; }
    public double? Value { get; set; }
}
