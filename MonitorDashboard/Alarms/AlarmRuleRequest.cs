namespace MonitorDashboard.Alarms;

/// <summary>
/// An alarm rule as the API and the editor send it (durations as text like "30s", "5m"). <see cref="Version"/> is the
/// concurrency version the change is based on (required for updates).
/// </summary>
public record AlarmRuleRequest
{
    public string? Name { get; init; }
    public string? Model { get; init; }
    public string? Stage { get; init; }
    public string? Version { get; init; }
    public string? Kind { get; init; }
    public string? Metric { get; init; }
    public string? Aggregation { get; init; } = "avg";
    public string? Window { get; init; } = "1m";
    public string? Comparator { get; init; } = ">";
    public double? Threshold { get; init; }
    public double? RecoveryThreshold { get; init; }
    public string? For { get; init; } = "0s";
    public string? NoData { get; init; } = "ok";
    public string? Severity { get; init; } = "warning";
    public bool Enabled { get; init; } = true;
    public DateTimeOffset? MutedUntil { get; init; }
    public string? MuteReason { get; init; }
    public string? WebhookUrl { get; init; }
    public int? ConcurrencyVersion { get; init; }

    public static AlarmRuleRequest From(AlarmRule rule) => new()
    {
        Name = rule.Name,
        Model = rule.Selector.Model,
        Stage = rule.Selector.Stage,
        Version = rule.Selector.Version,
        Kind = rule.Selector.Kind,
        Metric = rule.Selector.Metric,
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
