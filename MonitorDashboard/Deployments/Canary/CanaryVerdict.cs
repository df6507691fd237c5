namespace MonitorDashboard.Deployments.Canary;

public enum CanaryVerdict
{
    Pass,
    Worse,
    Better,
    NoData,
}
