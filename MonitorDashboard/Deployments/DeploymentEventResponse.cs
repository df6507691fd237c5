namespace MonitorDashboard.Deployments;

/// <summary>One step of a deployment as the API returns it (wire spellings, RFC 3339 time).</summary>
public sealed record DeploymentEventResponse(string Action, int? TrafficPercent, string By, DateTimeOffset At, string? Note)
{
    public static DeploymentEventResponse From(DeploymentEvent e) => new(e.Action.ToWire(), e.TrafficPercent, e.By, e.At, e.Note);
}
