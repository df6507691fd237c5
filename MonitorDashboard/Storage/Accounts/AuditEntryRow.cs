namespace MonitorDashboard.Storage.Accounts;

/// <summary>One change to users, keys, alarm rules or deployments: who, when, what, old -> new.</summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
