using MonitorDashboard.Wire;

namespace MonitorDashboard.Deployments;

/// <summary>The spellings of the deployment enums in the API, the database and webhooks.</summary>
public static class DeploymentWire
{
    public const string Strategies = "shadow, canary, blue-green or full";

    public static string ToWire(this DeploymentStrategy strategy) => strategy switch
    {
        DeploymentStrategy.Shadow => "shadow",
        DeploymentStrategy.Canary => "canary",
        DeploymentStrategy.BlueGreen => "blue-green",
        _ => "full",
    };

    public static string ToWire(this DeploymentStatus status) => status switch
    {
        DeploymentStatus.Active => "active",
        DeploymentStatus.Promoted => "promoted",
        DeploymentStatus.RolledBack => "rolled-back",
        _ => "finished",
    };

    public static string ToWire(this DeploymentAction action) => action switch
    {
        DeploymentAction.Start => "start",
        DeploymentAction.Traffic => "traffic",
        DeploymentAction.Promote => "promote",
        DeploymentAction.Rollback => "rollback",
        _ => "finish",
    };

    public static bool TryParseStrategy(string? text, out DeploymentStrategy strategy) =>
        WireNames.TryParse<DeploymentStrategy>(text, ToWire, out strategy);

    public static bool TryParseStatus(string? text, out DeploymentStatus status) =>
        WireNames.TryParse<DeploymentStatus>(text, ToWire, out status);

    public static bool TryParseAction(string? text, out DeploymentAction action) =>
        WireNames.TryParse<DeploymentAction>(text, ToWire, out action);
}
