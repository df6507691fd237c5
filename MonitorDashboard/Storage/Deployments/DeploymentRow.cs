namespace MonitorDashboard.Storage.Deployments;

/// <summary>
/// A deployment as stored: enums as wire strings, times as Unix ms (SQLite cannot compare DateTimeOffset).
/// <see cref="PromotedMs"/> survives a later finish, so the production version stays known; <see cref="Revision"/> is EF's concurrency token.
/// </summary>
public sealed class DeploymentRow
{
    public long Id { get; set; }
    public required string Model { get; set; }
    public required string Stage { get; set; }
    public required string Version { get; set; }
    public string? BaselineVersion { get; set; }
    public required string Strategy { get; set; }
    public int TrafficPercent { get; set; }
    public required string Status { get; set; }
    public long StartedMs { get; set; }
    public required string StartedBy { get; set; }
    public long? EndedMs { get; set; }
    public long WindowStartMs { get; set; }
    public long? PromotedMs { get; set; }
    public string? Note { get; set; }
    public string? LastWebhookError { get; set; }
    public long? LastWebhookErrorMs { get; set; }
    public int Revision { get; set; }
}
