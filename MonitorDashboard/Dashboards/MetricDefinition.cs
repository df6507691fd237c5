namespace MonitorDashboard.Dashboards;

/// <summary>How a metric is charted: its title, unit, the bucket statistics drawn, and a scale factor (fractions shown as %).</summary>
public sealed record MetricDefinition(string Name, string Title, string Unit, IReadOnlyList<BucketStat> Stats, double Scale = 1, int Order = 100)
{
    public double Display(double value) => value * Scale;
}
