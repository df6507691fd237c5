namespace MonitorDashboard.Deployments.Canary;

/// <summary>Which way a change hurts. TwoSided: any change beyond the margin is suspect until a lead picks a direction.</summary>
public enum MetricDirection
{
    HigherIsWorse,
    HigherIsBetter,
    TwoSided,
}
