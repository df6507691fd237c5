namespace MonitorDashboard.Deployments.Canary;

/// <summary>The lower-case names the API and the pages use for the canary enums.</summary>
public static class CanaryWire
{
    public static string ToWire(this CanaryVerdict verdict) => verdict switch
    {
        CanaryVerdict.Pass => "pass",
        CanaryVerdict.Worse => "worse",
        CanaryVerdict.Better => "better",
        CanaryVerdict.NoData => "nodata",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string ToWire(this CanaryRecommendation recommendation) => recommendation switch
    {
        CanaryRecommendation.Promote => "promote",
        CanaryRecommendation.Hold => "hold",
        CanaryRecommendation.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, null),
    };
}
