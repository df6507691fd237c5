namespace MonitorDashboard.Alarms;

/// <summary>
/// An alarm rule as the API and the editor send it (durations as text like "30s", "5m"). <see cref="Version"/> is the
/// concurrency version the change is based on (required for updates). Settable, so the editor binds to it directly.
/// </summary>
public record AlarmRuleRequest
{
    public string? Name { get; set; }
    public string? Model { get; set; }
    public string? Stage { get; set; }
    public string? Version { get; set; }
    public string? Kind { get; set; }
    public string? Metric { get; set; }
    public string? Aggregation { get; set; } = "avg";
    public string? Window { get; set; } = "1m";
    public string? Comparator { get; set; } = ">";
    public double? Threshold { get; set; }
    public double? RecoveryThreshold { get; set; }
    public string? For { get; set; } = "0s";
    public string? NoData { get; set; } = "ok";
    public string? Severity { get; set; } = "warning";
    public bool Enabled { get; set; } = true;
    public DateTimeOffset? MutedUntil { get; set; }
    public string? MuteReason { get; set; }
    public string? WebhookUrl { get; set; }
    public int? ConcurrencyVersion { get; set; }

    public static AlarmRuleRequest From(AlarmRule rule) => new()
    {
        Name = rule.Name,
        Model = rule.Selector.Model,
        Stage = rule.Selector.Stage,
        Version = rule.Selector.Version,
        Kind = rule.Selector.Kind,
        Metric = rule.Metric,
        Aggregation = rule.Aggregation.ToWire(),
        Window = AlarmDurations.Format(rule.Window),
        Comparator = rule.Comparator.Symbol(),
        Threshold = rule.Threshold,
        RecoveryThreshold = rule.RecoveryThreshold,
        For = AlarmDurations.Format(rule.For),
        NoData = rule.NoData.ToWire(),
        Severity = rule.Severity.ToWire(),
        Enabled = rule.Enabled,
        MutedUntil = rule.MutedUntil,
        MuteReason = rule.MuteReason,
        WebhookUrl = rule.WebhookUrl,
        ConcurrencyVersion = rule.ConcurrencyVersion,
    };
}
