namespace MonitorDashboard.Dashboards;

/// <summary>One set of bars over shared categories (e.g. the reference window's share of values per bin).</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, string? Color = null);
