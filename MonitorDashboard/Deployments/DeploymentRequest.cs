namespace MonitorDashboard.Deployments;

/// <summary>A new deployment as the API (and a form) sends it; checked by <see cref="DeploymentValidator"/>.</summary>
public sealed record DeploymentRequest
{
    public string? Model { get; set; }
    public string? Stage { get; set; }
    public string? Version { get; set; }
    public string? BaselineVersion { get; set; }
    public string? Strategy { get; set; }
    public int? TrafficPercent { get; set; }
    public string? Note { get; set; }
}
