using Microsoft.Extensions.Options;
using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Review;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Demo;

/// <summary>
/// Feeds the simulated pipeline into the real ingestion queue once a second (in-process: no HTTP, no key).
/// On a fresh database it first back-fills the last hour so a newcomer sees history at once.
/// </summary>
public sealed class DemoTrafficService(
    IngestionQueue queue,
    SeriesQueryService queries,
    AlarmRuleStore alarmRules,
    PredictionStore predictions,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    private static readonly TimeSpan BackfillRange = TimeSpan.FromHours(1);
    private const int BackfillStepSeconds = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var random = settings.Seed == 0 ? new Random() : new Random(settings.Seed);
        var simulator = new DemoPipelineSimulator(random, settings.PeakRequestsPerSecond, settings.CandidateShare);
        logger.LogInformation("Demo traffic on: model {Model}, stages {Stages}, versions v1 and v2 (turn off with Demo:Enabled=false)",
            DemoPipelineSimulator.Model, string.Join(" -> ", DemoPipelineSimulator.Stages));

        var shadow = new DemoShadowPredictions(random);
        await BackfillAsync(simulator, shadow, stoppingToken);
        await DemoAlarmRules.EnsureAsync(alarmRules, stoppingToken);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var incident = DemoIncident.None;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await SendAsync(simulator.Tick(now));
            if (now / 1000 % 2 == 0)
            {
                await predictions.InsertAsync(shadow.Next(now, 1), stoppingToken);
            }
            if (simulator.CurrentIncident != incident)
            {
                incident = simulator.CurrentIncident;
                logger.LogInformation("Demo incident: {Incident}", incident);
            }
        }
    }

    private async Task BackfillAsync(DemoPipelineSimulator simulator, DemoShadowPredictions shadow, CancellationToken stoppingToken)
    {
        var existing = await queries.ListSeriesAsync(new SeriesFilter(Model: DemoPipelineSimulator.Model), stoppingToken);
        if (existing.Count > 0)
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var t = now - (long)BackfillRange.TotalMilliseconds; t < now && !stoppingToken.IsCancellationRequested; t += BackfillStepSeconds * 1000)
        {
            await SendAsync(simulator.Tick(t, BackfillStepSeconds));
            await predictions.InsertAsync(shadow.Next(t, 2), stoppingToken);
        }
    }

    private async Task SendAsync(List<MetricEvent> events)
    {
        try
        {
            await queue.EnqueueAsync(events);
        }
        catch (IngestionRejectedException ex)
        {
            // The demo yields to real traffic: when the queue is full it simply skips a second.
            logger.LogDebug("Demo events skipped: {Reason}", ex.Message);
        }
    }
}
