namespace MonitorDashboard.Deployments;

/// <summary>Which way a metric gets worse: what the canary analysis compares against.</summary>
public static class MetricDirections
{
    public const string HigherIsWorse = "higher-is-worse";
    public const string HigherIsBetter = "higher-is-better";
    public const string TwoSided = "two-sided";
    public const string Rule = "must be higher-is-worse, higher-is-better or two-sided";

    public static IReadOnlyList<string> All { get; } = [HigherIsWorse, HigherIsBetter, TwoSided];

    public static bool IsValid(string? direction) => direction is not null && All.Contains(direction);
}
