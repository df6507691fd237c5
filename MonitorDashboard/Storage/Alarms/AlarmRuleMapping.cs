using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>Between stored rows and rules; rows never leave the Storage folder.</summary>
internal static class AlarmRuleMapping
{
    public static AlarmRule ToRule(this AlarmRuleRow row) => new(
        row.Id, row.Name, new SeriesSelector { Model = row.Model, Version = row.Version, Stage = row.Stage, Kind = row.Kind, Name = row.Metric },
        row.Aggregation, TimeSpan.FromSeconds(row.WindowSeconds), row.Comparator,
        row.Threshold, row.RecoveryThreshold, TimeSpan.FromSeconds(row.ForSeconds), row.NoData,
        row.Severity, row.Enabled, row.MutedUntil, row.MuteReason, row.WebhookUrl, row.ConcurrencyVersion);

    public static void CopyTo(this AlarmRule rule, AlarmRuleRow row)
    {
        row.Name = rule.Name;
        row.Model = rule.Selector.Model;
        row.Stage = rule.Selector.Stage;
        row.Version = rule.Selector.Version;
        row.Kind = rule.Selector.Kind;
        row.Metric = rule.Metric;
        row.Aggregation = rule.Aggregation;
        row.WindowSeconds = (int)rule.Window.TotalSeconds;
        row.Comparator = rule.Comparator;
        row.Threshold = rule.Threshold;
        row.RecoveryThreshold = rule.RecoveryThreshold;
        row.ForSeconds = (int)rule.For.TotalSeconds;
        row.NoData = rule.NoData;
        row.Severity = rule.Severity;
        row.Enabled = rule.Enabled;
        row.MutedUntil = rule.MutedUntil;
        row.MuteReason = rule.MuteReason;
        row.WebhookUrl = rule.WebhookUrl;
    }

    public static AlarmRuleRow NewRow(this AlarmRule rule)
    {
        var row = new AlarmRuleRow { Name = "", Metric = "" };
        rule.CopyTo(row);
        return row;
    }
}
