namespace MonitorDashboard.Hosting;

public static class HealthTags
{
    /// <summary>Checks that must pass before the instance takes traffic (<c>/readyz</c>).</summary>
    public const string Ready = "ready";
}
