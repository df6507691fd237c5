using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>Between stored rows and rules; rows never leave the Alarms and Storage folders.</summary>
internal static class AlarmRuleMapping
{
    public static AlarmRule ToRule(this AlarmRuleRow row) => new(
        row.Id, row.Name, new SeriesSelector { Model = row.Model, Version = row.Version, Stage = row.Stage, Kind = row.Kind, Name = row.Metric },
        Enum.Parse<AlarmAggregation>(row.Aggregation), TimeSpan.FromSeconds(row.WindowSeconds), Enum.Parse<AlarmComparator>(row.Comparator),
        row.Threshold, row.RecoveryThreshold, TimeSpan.FromSeconds(row.ForSeconds), Enum.Parse<NoDataPolicy>(row.NoData),
        Enum.Parse<AlarmSeverity>(row.Severity), row.Enabled,
        row.MutedUntilMs is { } muted ? DateTimeOffset.FromUnixTimeMilliseconds(muted) : null, row.MuteReason, row.WebhookUrl, row.ConcurrencyVersion);

    public static void CopyTo(this AlarmRule rule, AlarmRuleRow row)
    {
        row.Name = rule.Name;
        row.Model = rule.Selector.Model;
        row.Stage = rule.Selector.Stage;
        row.Version = rule.Selector.Version;
        row.Kind = rule.Selector.Kind;
        row.Metric = rule.Metric;
        row.Aggregation = rule.Aggregation.ToString();
        row.WindowSeconds = (int)rule.Window.TotalSeconds;
        row.Comparator = rule.Comparator.ToString();
        row.Threshold = rule.Threshold;
        row.RecoveryThreshold = rule.RecoveryThreshold;
        row.ForSeconds = (int)rule.For.TotalSeconds;
        row.NoData = rule.NoData.ToString();
        row.Severity = rule.Severity.ToString();
        row.Enabled = rule.Enabled;
        row.MutedUntilMs = rule.MutedUntil?.ToUnixTimeMilliseconds();
        row.MuteReason = rule.MuteReason;
        row.WebhookUrl = rule.WebhookUrl;
    }

    public static AlarmRuleRow NewRow(this AlarmRule rule)
    {
        var row = new AlarmRuleRow { Name = "", Metric = "", Aggregation = "", Comparator = "", NoData = "", Severity = "" };
        rule.CopyTo(row);
        return row;
    }
}
