using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Dashboards;

/// <summary>Every deployment event of a model and stage as a vertical marker, for every chart of that model and stage.</summary>
public sealed class DeploymentAnnotations(DeploymentStore deployments)
{
    public async Task<IReadOnlyList<ChartAnnotation>> ForPageAsync(DashboardFilter filter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (filter.Model is null)
        {
            return [];
        }
        var events = await deployments.EventsInRangeAsync(filter.Model, filter.Stage, from, to, cancellationToken);
        return events.Select(e => ChartAnnotation.Marker(e.Event.At, Label(e.Deployment, e.Event), ColorOf(e.Event.Action), Detail(e.Deployment, e.Event))).ToList();
    }

    public static string Label(Deployment deployment, DeploymentEvent change) => change.Action switch
    {
        DeploymentAction.Start => $"{deployment.Version} {deployment.Strategy.ToWire()} {change.TrafficPercent ?? deployment.TrafficPercent}%",
        DeploymentAction.Traffic => $"{deployment.Version} {change.TrafficPercent}%",
        _ => $"{deployment.Version} {change.Action.ToWire()}",
    };

    /// <summary>Who and what; the chart adds when, in the viewer's time zone.</summary>
    public static string Detail(Deployment deployment, DeploymentEvent change) =>
        $"{deployment.Model}/{deployment.Stage} {deployment.Version}" +
        (deployment.BaselineVersion is { } baseline ? $" vs {baseline}" : "") +
        $": {change.Action.ToWire()}" + (change.TrafficPercent is { } traffic ? $" to {traffic}%" : "") +
        $" by {change.By}" + (string.IsNullOrWhiteSpace(change.Note) ? "" : $" — {change.Note}");

    public static string ColorOf(DeploymentAction action) => action switch
    {
        DeploymentAction.Rollback => "#e53935",
        DeploymentAction.Promote => "#43a047",
        _ => "#7e57c2",
    };
}
