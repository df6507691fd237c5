using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Every <c>Canary:EvaluationSeconds</c>, analyses each active deployment and stores its recommendation as the metric
/// <c>canary_verdict</c> of the candidate version (0 promote, 1 hold, 2 rollback), so an alarm rule such as
/// <c>canary_verdict &gt;= 2 for 2m</c> can page someone or call the roll-back hook. The service itself decides nothing.
/// </summary>
public sealed class CanaryMonitorService(
    DeploymentStore deployments,
    CanaryAnalysisService analysis,
    CanaryReports reports,
    IngestionQueue queue,
    IOptions<CanaryOptions> options,
    TimeProvider time,
    ILogger<CanaryMonitorService> logger) : PeriodicBackgroundService(time, logger)
{
    public const string VerdictMetric = "canary_verdict";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EvaluationSeconds);

    protected override string WorkName => "Canary analysis cycle";

    protected override Task RunRoundAsync(CancellationToken stoppingToken) => RunCycleAsync(stoppingToken);

    public async Task RunCycleAsync(CancellationToken cancellationToken)
    {
        var verdicts = new List<MetricEvent>();
        foreach (var deployment in await deployments.ListAsync(null, true, cancellationToken))
        {
            if (deployment.Strategy == DeploymentStrategy.Full)
            {
                continue;
            }
            var report = await analysis.AnalyzeAsync(deployment, null, cancellationToken);
            reports.Set(report);
            verdicts.Add(new MetricEvent
            {
                TimestampMs = report.EvaluatedAt.ToUnixTimeMilliseconds(),
                Series = new SeriesKey
                {
                    Model = deployment.Model, Version = deployment.Version, Stage = deployment.Stage,
                    Kind = MetricKind.Software.ToWire(), Name = VerdictMetric,
                },
                Value = VerdictValue(report.Recommendation),
            });
        }
        if (verdicts.Count > 0)
        {
            await queue.EnqueueAsync(verdicts);
        }
    }

    public static double VerdictValue(string recommendation) => recommendation switch
    {
        "rollback" => 2,
        "hold" => 1,
        _ => 0,
    };
}
