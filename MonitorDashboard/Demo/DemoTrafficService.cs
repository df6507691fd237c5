using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Deployments;
using MonitorDashboard.Drift;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Review;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Demo;

/// <summary>
/// Feeds the simulated pipeline into the real ingestion queue once a second (in-process: no HTTP, no key).
/// On a fresh database it first back-fills the last hour so a newcomer sees history at once: the asr v2 canary story
/// (<see cref="DemoRollout"/>), an input-length drift incident, and the drift scores of that hour.
/// </summary>
public sealed class DemoTrafficService(
    IngestionQueue queue,
    SeriesQueryService queries,
    AlarmRuleStore alarmRules,
    PredictionIngestService predictions,
    DeploymentService deployments,
    DeploymentStore deploymentStore,
    DriftMonitorService drift,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    private static readonly TimeSpan BackfillRange = TimeSpan.FromHours(1);
    private const int BackfillStepSeconds = 15;
    /// <summary>The back-filled drift incident, so the Drift page always has a step to show.</summary>
    private static readonly (TimeSpan From, TimeSpan To) ScriptedDrift = (TimeSpan.FromMinutes(-18), TimeSpan.FromMinutes(-14));
    private static readonly TimeSpan ShareRefresh = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var random = settings.Seed == 0 ? new Random() : new Random(settings.Seed);
        var simulator = new DemoPipelineSimulator(random, settings.PeakRequestsPerSecond, settings.CandidateShare);
        logger.LogInformation("Demo traffic on: model {Model}, stages {Stages}, versions v1 and v2 (turn off with Demo:Enabled=false)",
            DemoPipelineSimulator.Model, string.Join(" -> ", DemoPipelineSimulator.Stages));

        var shadow = new DemoShadowPredictions(random);
        var rollout = new DemoRolloutPlayer(deployments, deploymentStore, time.GetUtcNow());
        var fresh = await BackfillAsync(simulator, shadow, rollout, stoppingToken);
        await DemoAlarmRules.EnsureAsync(alarmRules, stoppingToken);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var incident = DemoIncident.None;
        var nextShareRefresh = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            if (fresh)
            {
                await rollout.PlayDueAsync(now, stoppingToken);
            }
            if (now >= nextShareRefresh)
            {
                simulator.AsrCandidateShare = await rollout.CandidateShareAsync(stoppingToken);
                simulator.CandidateLatencyFactor = 1;
                nextShareRefresh = now + ShareRefresh;
            }
            var nowMs = now.ToUnixTimeMilliseconds();
            await SendAsync(simulator.Tick(nowMs));
            if (nowMs / 1000 % 2 == 0)
            {
                await predictions.InsertAsync(shadow.Next(nowMs, 1), stoppingToken);
            }
            if (simulator.CurrentIncident != incident)
            {
                incident = simulator.CurrentIncident;
                logger.LogInformation("Demo incident: {Incident}", incident);
            }
        }
    }

    /// <summary>Back-fills the last hour on a fresh database; false when data was already there (a restart).</summary>
    private async Task<bool> BackfillAsync(DemoPipelineSimulator simulator, DemoShadowPredictions shadow, DemoRolloutPlayer rollout, CancellationToken stoppingToken)
    {
        var existing = await queries.ListSeriesAsync(new SeriesSelector { Model = DemoPipelineSimulator.Model }, stoppingToken);
        if (existing.Count > 0)
        {
            return false;
        }
        var start = time.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var driftFrom = (start + ScriptedDrift.From).ToUnixTimeMilliseconds();
        var driftTo = (start + ScriptedDrift.To).ToUnixTimeMilliseconds();
        var now = start.ToUnixTimeMilliseconds();
        simulator.RandomIncidents = false; // the back-filled hour tells exactly the scripted story
        for (var t = now - (long)BackfillRange.TotalMilliseconds; t < now && !stoppingToken.IsCancellationRequested; t += BackfillStepSeconds * 1000)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(t);
            await rollout.PlayDueAsync(at, stoppingToken);
            (simulator.AsrCandidateShare, simulator.CandidateLatencyFactor) = DemoRollout.StateAt(at - start);
            if (t >= driftFrom && t < driftFrom + (BackfillStepSeconds * 1000))
            {
                simulator.ForceIncident(DemoIncident.InputLengthDrift, driftTo);
            }
            await SendAsync(simulator.Tick(t, BackfillStepSeconds));
            await predictions.InsertAsync(shadow.Next(t, 2), stoppingToken);
        }
        simulator.RandomIncidents = true;
        // The drift monitor's score for each minute of the back-filled hour, as if it had been running.
        for (var at = start - BackfillRange + TimeSpan.FromMinutes(10); at < start; at += TimeSpan.FromMinutes(1))
        {
            await drift.RunCycleAsync(at, stoppingToken);
        }
        logger.LogInformation("Demo: back-filled the last hour (the canary story, a drift incident and its scores) in {Seconds:0.0} s", watch.Elapsed.TotalSeconds);
        return true;
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
