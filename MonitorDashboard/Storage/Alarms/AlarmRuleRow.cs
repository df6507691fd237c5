using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>An alarm rule as stored; <see cref="ConcurrencyVersion"/> is EF's concurrency token.</summary>
public sealed class AlarmRuleRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Model { get; set; }
    public string? Stage { get; set; }
    public string? Version { get; set; }
    public string? Kind { get; set; }
    public required string Metric { get; set; }
    public AlarmAggregation Aggregation { get; set; }
    public int WindowSeconds { get; set; }
    public AlarmComparator Comparator { get; set; }
    public double Threshold { get; set; }
    public double? RecoveryThreshold { get; set; }
    public int ForSeconds { get; set; }
    public NoDataPolicy NoData { get; set; }
    public AlarmSeverity Severity { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset? MutedUntil { get; set; }
    public string? MuteReason { get; set; }
    public string? WebhookUrl { get; set; }
    public string? LastWebhookError { get; set; }
    public DateTimeOffset? LastWebhookErrorAt { get; set; }
    public int ConcurrencyVersion { get; set; }
    public DateTimeOffset Updated { get; set; }
    public string? UpdatedBy { get; set; }
}
