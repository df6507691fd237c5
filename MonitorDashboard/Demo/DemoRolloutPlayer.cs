using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Demo;

/// <summary>
/// Plays <see cref="DemoRollout.Script"/> through the real deployment service (so the Deployments page, markers, audit
/// and hooks all see it) and, afterwards, lets the stored state drive the simulated traffic: a lead who rolls v2 back
/// on the page takes its traffic away, a promotion gives it all.
/// </summary>
public sealed class DemoRolloutPlayer(DeploymentService deployments, DeploymentStore store, DateTimeOffset firstStart)
{
    private int _played;
    private long? _deploymentId;

    /// <summary>Records every scripted step due by <paramref name="now"/> (back-dated to its own time).</summary>
    public async Task PlayDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_played < DemoRollout.Script.Count && firstStart + DemoRollout.Script[_played].Offset <= now)
        {
            var step = DemoRollout.Script[_played++];
            var at = firstStart + step.Offset;
            if (step.Action == DeploymentAction.Start)
            {
                var created = await deployments.CreateAsync(new DeploymentRequest
                {
                    Model = DemoPipelineSimulator.Model, Stage = DemoRollout.Stage, Version = DemoRollout.Candidate,
                    BaselineVersion = DemoRollout.Baseline, Strategy = "canary", TrafficPercent = step.TrafficPercent, Note = step.Note,
                }, DemoRollout.Actor, cancellationToken, at);
                _deploymentId = created.Id;
            }
            else if (_deploymentId is { } id && (await store.GetAsync(id, cancellationToken))?.IsActive == true)
            {
                // A step after a lead already acted on the deployment is skipped: the lead's decision stands.
                await deployments.ApplyAsync(id, step.Action, step.Action == DeploymentAction.Traffic ? step.TrafficPercent : null,
                    step.Note, DemoRollout.Actor, cancellationToken, at);
            }
        }
    }

    /// <summary>The candidate's share of asr traffic as the stored deployments say: production 100%, active its traffic, else none.</summary>
    public async Task<double> CandidateShareAsync(CancellationToken cancellationToken)
    {
        if (await store.ProductionVersionAsync(DemoPipelineSimulator.Model, DemoRollout.Stage, cancellationToken) == DemoRollout.Candidate)
        {
            return 1;
        }
        var newest = (await store.ListAsync(DemoPipelineSimulator.Model, true, cancellationToken))
            .FirstOrDefault(d => d.Stage == DemoRollout.Stage && d.Version == DemoRollout.Candidate);
        return newest is null ? 0 : newest.TrafficPercent / 100.0;
    }
}
