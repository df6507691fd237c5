using System.Collections.Concurrent;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>The newest analysis of each active deployment, so lists show a recommendation without judging again.</summary>
public sealed class CanaryReports
{
    private readonly ConcurrentDictionary<long, CanaryReport> _latest = new();

    public CanaryReport? Latest(long deploymentId) => _latest.GetValueOrDefault(deploymentId);

    public void Set(CanaryReport report) => _latest[report.DeploymentId] = report;
}
