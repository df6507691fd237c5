namespace MonitorDashboard.Storage.Deployments;

/// <summary>One step of a deployment as stored; <see cref="Action"/> is the wire string.</summary>
public sealed class DeploymentEventRow
{
    public long Id { get; set; }
    public long DeploymentId { get; set; }
    public required string Action { get; set; }
    public int? TrafficPercent { get; set; }
    public required string By { get; set; }
    public long AtMs { get; set; }
    public string? Note { get; set; }
}
