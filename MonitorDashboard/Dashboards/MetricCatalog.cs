using MonitorDashboard.Drift;

namespace MonitorDashboard.Dashboards;

/// <summary>
/// Titles and units of the metrics teams commonly post. Any other metric still gets a chart (average per bucket,
/// titled with its name): a client can add metrics without code changes here.
/// </summary>
public static class MetricCatalog
{
    private static readonly Dictionary<string, MetricDefinition> Known = new MetricDefinition[]
    {
        // software
        new("latency_ms", "Latency", "ms", [BucketStat.P50, BucketStat.P95, BucketStat.P99], Order: 1),
        new("qps", "Throughput", "req/s", [BucketStat.Avg], Order: 2),
        new("error_rate", "Error rate", "%", [BucketStat.Avg], 100, Order: 3),
        new("memory_mb", "Memory", "MB", [BucketStat.Avg], Order: 4),
        new("server_load", "Server load", "%", [BucketStat.Avg], 100, Order: 5),
        // input
        new("input_volume", "Input volume", "requests/s", [BucketStat.Avg], Order: 1),
        new("input_length", "Input length", "s", [BucketStat.Avg, BucketStat.P95], Order: 2),
        new("missing_fraction", "Missing values", "%", [BucketStat.Avg], 100, Order: 3),
        // output
        new("null_return_rate", "Null returns", "%", [BucketStat.Avg], 100, Order: 1),
        new("redo_search_rate", "Redo searches", "%", [BucketStat.Avg], 100, Order: 2),
        new("mode_switch_rate", "Switches to another input mode", "%", [BucketStat.Avg], 100, Order: 3),
        new("ctr", "Click-through rate", "%", [BucketStat.Avg], 100, Order: 4),
    }.ToDictionary(d => d.Name);

    public static MetricDefinition For(string name) =>
        Known.TryGetValue(name, out var definition) ? definition
        // Drift scores (KS distance over its threshold): charted after the metrics they watch, their peak per bucket.
        : DriftWire.IsScoreMetric(name) ? new MetricDefinition(name, $"Drift of {For(name[DriftWire.MetricPrefix.Length..]).Title.ToLowerInvariant()}",
            "score (above 1: drifted)", [BucketStat.Max], Order: 90)
        : new MetricDefinition(name, name, "", [BucketStat.Avg]);

    public static bool IsKnown(string name) => Known.ContainsKey(name);
}
