using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>Checks a rule request field by field (the API and the editor show the same messages) and builds the rule.</summary>
public static class AlarmRuleValidator
{
    public static AlarmRule? Validate(AlarmRuleRequest request, long id, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string field, string message) => found[field] = [.. found.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) Fail("name", "Give the rule a name of 1 to 100 characters.");
        if (!MetricNames.IsValid(request.Metric)) Fail("metric", "Name the metric to watch, e.g. latency_ms.");
        foreach (var (field, value) in new[] { ("model", request.Model), ("stage", request.Stage), ("version", request.Version) })
        {
            if (!string.IsNullOrEmpty(value) && !MetricNames.IsValid(value)) Fail(field, "Use letters, digits, '_', '.', ':' or '-' (or leave empty for any).");
        }
        if (!string.IsNullOrEmpty(request.Kind) && !MetricKinds.TryParse(request.Kind, out _)) Fail("kind", "Choose software, input or output (or leave empty for any).");
        if (!AlarmWire.TryParse<AlarmAggregation>(request.Aggregation, out var aggregation)) Fail("aggregation", "Choose avg, min, max, sum, count, rate, p50, p95, p99 or last.");
        if (!AlarmDurations.TryParse(request.Window, out var window) || window < AlarmRule.MinWindow || window > AlarmRule.MaxWindow) Fail("window", "Use a window from 10s to 24h, e.g. 5m.");
        if (!AlarmWire.TryParseComparator(request.Comparator, out var comparator)) Fail("comparator", "Choose >, >=, < or <=.");
        if (request.Threshold is not { } threshold || !double.IsFinite(threshold)) { Fail("threshold", "Enter the threshold as a number."); threshold = 0; }
        if (request.RecoveryThreshold is { } recovery)
        {
            var wrongSide = comparator is AlarmComparator.GreaterThan or AlarmComparator.GreaterOrEqual ? recovery > threshold : recovery < threshold;
            if (!double.IsFinite(recovery) || wrongSide) Fail("recoveryThreshold", "The recovery threshold must lie on the healthy side of the threshold.");
        }
        if (!AlarmDurations.TryParse(request.For, out var pendingFor) || pendingFor > TimeSpan.FromHours(24)) Fail("for", "Use a duration from 0s to 24h, e.g. 2m.");
        if (!AlarmWire.TryParse<NoDataPolicy>(request.NoData, out var noData)) Fail("noData", "Choose ok, alerting or keep_last.");
        if (!AlarmWire.TryParse<AlarmSeverity>(request.Severity, out var severity)) Fail("severity", "Choose info, warning or critical.");
        if (request.MuteReason is { Length: > 200 }) Fail("muteReason", "Keep the reason under 200 characters.");
        if (request.MutedUntil is not null && string.IsNullOrWhiteSpace(request.MuteReason)) Fail("muteReason", "Say why the alarm is muted.");
        if (!string.IsNullOrEmpty(request.WebhookUrl)
            && (!Uri.TryCreate(request.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme is not ("http" or "https") || request.WebhookUrl.Length > 2000))
        {
            Fail("webhookUrl", "Use an absolute http(s) URL.");
        }

        errors = found;
        if (found.Count > 0)
        {
            return null;
        }
        return new AlarmRule(id, request.Name!.Trim(),
            new SeriesSelector { Name = request.Metric!, Model = Empty(request.Model), Stage = Empty(request.Stage), Version = Empty(request.Version), Kind = Empty(request.Kind) },
            aggregation, window, comparator, threshold, request.RecoveryThreshold, pendingFor, noData, severity, request.Enabled,
            request.MutedUntil, Empty(request.MuteReason), Empty(request.WebhookUrl), request.ConcurrencyVersion ?? 0);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
