using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>A rule's state for one series, as the API and pages show it.</summary>
public sealed record AlarmStateView(
    long RuleId, string RuleName, string Severity, SeriesInfo Series, AlarmStatus Status, DateTimeOffset Since, double? Value,
    DateTimeOffset EvaluatedAt, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgeComment);
