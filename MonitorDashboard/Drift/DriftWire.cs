using MonitorDashboard.Wire;

namespace MonitorDashboard.Drift;

/// <summary>Wire names of drift settings and the metric names drift scores are stored under.</summary>
public static class DriftWire
{
    public const string MetricPrefix = "drift_";

    public static string ToWire(this DriftReference reference) => reference switch
    {
        DriftReference.PreviousDay => "previous-day",
        DriftReference.PreviousWeek => "previous-week",
        DriftReference.Pinned => "pinned",
        _ => "preceding",
    };

    public static bool TryParseReference(string? text, out DriftReference reference) =>
        WireNames.TryParse<DriftReference>(text, ToWire, out reference);

    /// <summary>The metric a drift score of <paramref name="metric"/> is stored as, e.g. <c>drift_input_length</c>.</summary>
    public static string ScoreMetric(string metric) => MetricPrefix + metric;

    public static bool IsScoreMetric(string metric) => metric.StartsWith(MetricPrefix, StringComparison.Ordinal);
}
