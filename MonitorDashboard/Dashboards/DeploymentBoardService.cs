using MonitorDashboard.Deployments;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Dashboards;

/// <summary>Loads what the Deployments pages show and carries out the buttons a lead presses there.</summary>
public sealed class DeploymentBoardService(
    DeploymentStore deployments, DeploymentService actions, CanaryAnalysisService analysis, CanaryReports reports,
    MetricPanelService panels, DeploymentAnnotations markers, MetricDirectionStore directions)
{
    public const string ChartMetric = "latency_ms";
    private static readonly TimeSpan ChartLeadIn = TimeSpan.FromMinutes(15);
    public const int HistoryLength = 100;

    public async Task<DeploymentBoard> LoadAsync(string? model, CancellationToken cancellationToken)
    {
        var all = await deployments.ListAsync(model, null, cancellationToken);
        var production = new List<ProductionVersion>();
        foreach (var (m, stage) in all.Select(d => (d.Model, d.Stage)).Distinct().OrderBy(k => k.Model).ThenBy(k => k.Stage))
        {
            production.Add(new ProductionVersion(m, stage, await deployments.ProductionVersionAsync(m, stage, cancellationToken)));
        }
        var active = all.Where(d => d.IsActive).Select(d => new ActiveDeployment(d, reports.Latest(d.Id))).ToList();
        return new DeploymentBoard(production, active, all.Take(HistoryLength).ToList());
    }

    public Task<Deployment?> GetAsync(long id, CancellationToken cancellationToken) => deployments.GetAsync(id, cancellationToken);

    /// <summary>Judges the deployment now (the detail page refreshes this every evaluation cycle).</summary>
    public async Task<CanaryReport> AnalyzeAsync(Deployment deployment, IReadOnlyList<string>? extraMetrics, CancellationToken cancellationToken)
    {
        var report = await analysis.AnalyzeAsync(deployment, extraMetrics, cancellationToken);
        if (deployment.IsActive && extraMetrics is null or { Count: 0 })
        {
            reports.Set(report);
        }
        return report;
    }

    /// <summary>A lead says which way a metric gets worse (saved and audited); later analyses judge it that way.</summary>
    public Task SetDirectionAsync(string metric, MetricDirection direction, string actor, CancellationToken cancellationToken) =>
        directions.SetAsync(metric, direction.ToWire(), actor, cancellationToken);

    public Task<DeploymentChange> ApplyAsync(long id, DeploymentAction action, int? trafficPercent, string? note, string actor, CancellationToken cancellationToken) =>
        actions.ApplyAsync(id, action, trafficPercent, note, actor, cancellationToken);

    /// <summary>Latency of candidate and baseline from shortly before the deployment to now, with its markers.</summary>
    public async Task<(MetricPanel? Panel, IReadOnlyList<ChartAnnotation> Markers)> ChartAsync(Deployment deployment, string? baselineVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = deployment.StartedAt - ChartLeadIn;
        var to = deployment.EndedAt is { } ended && ended < now ? ended + ChartLeadIn : now;
        var versions = baselineVersion is null ? new[] { deployment.Version } : [baselineVersion, deployment.Version];
        var filter = new DashboardFilter(deployment.Model, deployment.Stage, versions, TimeRange.Custom(from, to), Live: false);
        var loaded = await panels.LoadAsync("software", filter, now, cancellationToken);
        return (loaded.FirstOrDefault(p => p.Definition.Name == ChartMetric), await markers.ForPageAsync(filter, from, to, cancellationToken));
    }
}
