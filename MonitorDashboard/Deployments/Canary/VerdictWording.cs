namespace MonitorDashboard.Deployments.Canary;

/// <summary>The verdict of one metric and its reason in words, the same for values and for rates.</summary>
internal static class VerdictWording
{
    /// <summary>
    /// <paramref name="worse"/> is the reason the candidate is worse (null if it is not); <paramref name="isBetter"/> is asked
    /// only when it is not worse.
    /// </summary>
    public static (CanaryVerdict Verdict, string Reason) Decide(
        MetricDirection direction, string? worse, Func<bool> isBetter, string change, string summary, double margin)
    {
        if (worse is not null)
        {
            return (CanaryVerdict.Worse, direction == MetricDirection.TwoSided
                ? worse + "; the metric has no direction yet, so this change counts as worse until a lead sets one"
                : worse);
        }
        if (direction != MetricDirection.TwoSided && isBetter())
        {
            return (CanaryVerdict.Better, $"{change} ({summary}): significantly better");
        }
        return (CanaryVerdict.Pass, $"no significant change beyond the allowed {CanaryFormat.Percent(margin)}: {summary}");
    }
}
