namespace MonitorDashboard.Deployments.Canary;

/// <summary>One metric a canary is judged on: its shape, which way is worse, whether it can force a rollback, and the change allowed.</summary>
public sealed record CanaryMetricSpec(string Name, MetricShape Shape, MetricDirection Direction, bool Critical, double AllowedRelativeChange)
{
    /// <summary>
    /// The default set: latency and errors decide (critical); memory and the output family inform. Any other metric a
    /// lead adds is compared two-sided until its direction is set.
    /// </summary>
    public static readonly IReadOnlyList<CanaryMetricSpec> Defaults =
    [
        new("latency_ms", MetricShape.Samples, MetricDirection.HigherIsWorse, Critical: true, 0.10),
        new("error_rate", MetricShape.Rate, MetricDirection.HigherIsWorse, Critical: true, 0.10),
        new("memory_mb", MetricShape.Samples, MetricDirection.HigherIsWorse, Critical: false, 0.25),
        new("null_return_rate", MetricShape.Rate, MetricDirection.HigherIsWorse, Critical: false, 0.10),
        new("redo_search_rate", MetricShape.Rate, MetricDirection.HigherIsWorse, Critical: false, 0.10),
        new("ctr", MetricShape.Rate, MetricDirection.HigherIsBetter, Critical: false, 0.05),
        new("shadow_agreement", MetricShape.Rate, MetricDirection.HigherIsBetter, Critical: false, 0.05),
    ];

    /// <summary>A metric a lead added: a rate when its name says so, else compared as samples.</summary>
    public static CanaryMetricSpec ForExtra(string name, MetricDirection direction) =>
        Defaults.FirstOrDefault(d => d.Name == name) is { } known ? known with { Direction = direction }
        : new(name, name.EndsWith("_rate", StringComparison.Ordinal) || name.EndsWith("_fraction", StringComparison.Ordinal) ? MetricShape.Rate : MetricShape.Samples,
            direction, Critical: false, 0.10);
}
