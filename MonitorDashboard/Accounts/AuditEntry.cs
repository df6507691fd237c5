namespace MonitorDashboard.Accounts;

public sealed record AuditEntry(DateTimeOffset Timestamp, string Actor, string Action, string Target, string? OldValue, string? NewValue);
