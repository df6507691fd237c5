using System.Globalization;
using MonitorDashboard.Deployments.Canary;

namespace MonitorDashboard.Dashboards;

/// <summary>How a canary metric's numbers read on the page: percentiles for values, percentages for rates.</summary>
public static class CanaryMetricText
{
    public static string Value(CanaryMetricReport metric, bool baseline)
    {
        var percentiles = baseline ? metric.BaselinePercentiles : metric.CandidatePercentiles;
        if (percentiles is { Length: 3 })
        {
            return $"p50 {Number(percentiles[0])} · p95 {Number(percentiles[1])} · p99 {Number(percentiles[2])}";
        }
        var value = baseline ? metric.BaselineValue : metric.CandidateValue;
        return value is { } v ? Percent(v) : "—";
    }

    public static string Effect(CanaryMetricReport metric)
    {
        if (metric.Effect is not { } effect)
        {
            return "—";
        }
        var rate = metric.BaselinePercentiles is null;
        string Show(double v) => rate ? Signed(v * 100, " pp") : Signed(v, "");
        var interval = metric.Interval is [var low, var high] ? $" [{Show(low)}, {Show(high)}]" : "";
        var relative = metric.RelativeChange is { } r ? $" ({Signed(r * 100, " %")})" : "";
        return Show(effect) + interval + relative;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %";

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Signed(double value, string unit) => (value >= 0 ? "+" : "") + Number(value) + unit;
}
