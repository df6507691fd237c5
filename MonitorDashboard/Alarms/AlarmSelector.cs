namespace MonitorDashboard.Alarms;

/// <summary>Which series a rule watches: a metric, optionally narrowed to a model, stage, version and kind (null = any).</summary>
public sealed record AlarmSelector(string Metric, string? Model = null, string? Stage = null, string? Version = null, string? Kind = null);
