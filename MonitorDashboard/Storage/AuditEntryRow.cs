namespace MonitorDashboard.Storage;

/// <summary>One change to users, keys, alarm rules or deployments: who, when, what, old -> new.</summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public long TimestampMs { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
