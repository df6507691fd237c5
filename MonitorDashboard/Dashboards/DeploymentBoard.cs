using MonitorDashboard.Deployments;
using MonitorDashboard.Deployments.Canary;

namespace MonitorDashboard.Dashboards;

/// <summary>The Deployments page: production per model and stage, the active candidates with their latest verdict, the history.</summary>
public sealed record DeploymentBoard(
    IReadOnlyList<ProductionVersion> Production,
    IReadOnlyList<ActiveDeployment> Active,
    IReadOnlyList<Deployment> History);

/// <summary>The version that takes production traffic for a model and stage.</summary>
public sealed record ProductionVersion(string Model, string Stage, string? Version);

/// <summary>A candidate in roll-out and, once analysed, its newest canary report.</summary>
public sealed record ActiveDeployment(Deployment Deployment, CanaryReport? Report);
