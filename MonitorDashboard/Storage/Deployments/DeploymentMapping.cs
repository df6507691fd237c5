using MonitorDashboard.Deployments;

namespace MonitorDashboard.Storage.Deployments;

/// <summary>Between stored rows and deployments; rows never leave the Storage folder.</summary>
internal static class DeploymentMapping
{
    public static Deployment ToDeployment(this DeploymentRow row, IEnumerable<DeploymentEventRow> events) => new(
        row.Id, row.Model, row.Stage, row.Version, row.BaselineVersion, (DeploymentWire.TryParseStrategy(row.Strategy, out var strategy) ? strategy : throw Unknown(row.Strategy)),
        row.TrafficPercent, (DeploymentWire.TryParseStatus(row.Status, out var status) ? status : throw Unknown(row.Status)), Time(row.StartedMs), row.StartedBy,
        row.EndedMs is { } ended ? Time(ended) : null, Time(row.WindowStartMs), row.Note, row.LastWebhookError,
        events.OrderBy(e => e.AtMs).ThenBy(e => e.Id).Select(e => e.ToEvent()).ToList());

    public static DeploymentEvent ToEvent(this DeploymentEventRow row) => new(
        row.Id, row.DeploymentId, (DeploymentWire.TryParseAction(row.Action, out var action) ? action : throw Unknown(row.Action)), row.TrafficPercent, row.By, Time(row.AtMs), row.Note);

    /// <summary>How a deployment is written in the audit log, before and after a change.</summary>
    public static string Describe(this DeploymentRow row) => $"{row.Status}; traffic {row.TrafficPercent}%";

    public static string Target(this DeploymentRow row) => $"deployment {row.Id} ({row.Model}/{row.Stage} {row.Version})";

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static InvalidOperationException Unknown(string stored) => new($"Unknown stored deployment value '{stored}'.");
}
