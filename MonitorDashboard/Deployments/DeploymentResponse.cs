namespace MonitorDashboard.Deployments;

/// <summary>A deployment as the API returns it: enums as wire strings, times as RFC 3339, steps oldest first.</summary>
public sealed record DeploymentResponse(
    long Id, string Model, string Stage, string Version, string? BaselineVersion, string Strategy, int TrafficPercent, string Status,
    DateTimeOffset StartedAt, string StartedBy, DateTimeOffset? EndedAt, DateTimeOffset WindowStart, string? Note, string? LastWebhookError,
    IReadOnlyList<DeploymentEventResponse> Events)
{
    public static DeploymentResponse From(Deployment d) => new(
        d.Id, d.Model, d.Stage, d.Version, d.BaselineVersion, d.Strategy.ToWire(), d.TrafficPercent, d.Status.ToWire(),
        d.StartedAt, d.StartedBy, d.EndedAt, d.WindowStart, d.Note, d.LastWebhookError,
        d.Events.Select(DeploymentEventResponse.From).ToList());
}
