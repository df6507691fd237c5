namespace MonitorDashboard.Deployments.Canary;

public enum CanaryRecommendation
{
    Promote,
    Hold,
    Rollback,
}
