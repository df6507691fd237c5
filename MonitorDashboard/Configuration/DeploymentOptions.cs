namespace MonitorDashboard.Configuration;

/// <summary>Deployments (section <c>Deployments</c>).</summary>
public sealed class DeploymentOptions : ISectionOptions
{
    public static string Section => "Deployments";

    /// <summary>
    /// Per model, the URL told of every step (start, traffic, promote, rollback, finish), e.g. <c>Deployments:Webhooks:asr</c>:
    /// the hook by which a CD system rolls back. Retries: <c>Deployments:WebhookResilience</c> (the standard resilience options).
    /// </summary>
    public Dictionary<string, string> Webhooks { get; set; } = [];
}
