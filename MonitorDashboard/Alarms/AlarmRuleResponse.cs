namespace MonitorDashboard.Alarms;

/// <summary>A stored rule as the API returns it: the request shape (so it can be kept in version control) plus id and status.</summary>
public sealed record AlarmRuleResponse : AlarmRuleRequest
{
    public long Id { get; init; }
    public string? LastWebhookError { get; init; }

    public static AlarmRuleResponse From(AlarmRule rule, string? webhookError = null)
    {
        var request = AlarmRuleRequest.From(rule);
        return new AlarmRuleResponse
        {
            Id = rule.Id, LastWebhookError = webhookError,
            Name = request.Name, Model = request.Model, Stage = request.Stage, Version = request.Version, Kind = request.Kind,
            Metric = request.Metric, Aggregation = request.Aggregation, Window = request.Window, Comparator = request.Comparator,
            Threshold = request.Threshold, RecoveryThreshold = request.RecoveryThreshold, For = request.For, NoData = request.NoData,
            Severity = request.Severity, Enabled = request.Enabled, MutedUntil = request.MutedUntil, MuteReason = request.MuteReason,
            WebhookUrl = request.WebhookUrl, ConcurrencyVersion = request.ConcurrencyVersion,
        };
    }
}
