namespace MonitorDashboard.Dashboards;

/// <summary>The overview of one model: its stages in pipeline order, each with its versions side by side.</summary>
public sealed record PipelineSummary(string Model, IReadOnlyList<StageSummary> Stages);

public sealed record StageSummary(string Stage, IReadOnlyList<VersionSummary> Versions);

/// <summary>Health figures of one version of one stage over the last minutes; null where the metric is not posted.</summary>
public sealed record VersionSummary(string Version, double? Qps, double? P95LatencyMs, double? ErrorRatePercent, ChartSeries Sparkline);
