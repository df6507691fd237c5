using MonitorDashboard.Deployments;

namespace MonitorDashboard.Demo;

/// <summary>
/// The story the demo tells on the Deployments page: an <c>asr</c> v2 canary ramps 5% -> 25% -> 50%; at 50% the candidate's
/// latency degrades, the analysis recommends a rollback and the team rolls back, saying why; v2 comes back with a fix
/// and ramps again (its 50% step happens live, a few minutes after start). Pure: times in, shares and steps out.
/// </summary>
public static class DemoRollout
{
    public const string Stage = "asr";
    public const string Candidate = "v2";
    public const string Baseline = "v1";
    public const string Actor = "demo-cd";
    public const double DegradedLatencyFactor = 1.8;

    public static readonly IReadOnlyList<DemoRolloutStep> Script =
    [
        new(TimeSpan.FromMinutes(-55), DeploymentAction.Start, 5, "v2: new conformer acoustic model"),
        new(TimeSpan.FromMinutes(-45), DeploymentAction.Traffic, 25, "error rate and latency fine at 5 %"),
        new(TimeSpan.FromMinutes(-35), DeploymentAction.Traffic, 50, "ramping to half the traffic", Degrades: true),
        new(TimeSpan.FromMinutes(-28), DeploymentAction.Rollback, 0,
            "Rolled back at 50 %: canary analysis said rollback — latency_ms worse, p95 about 1.8x baseline once half the traffic hit the GPU pool"),
        new(TimeSpan.FromMinutes(-20), DeploymentAction.Start, 5, "v2 again, with the GPU batch size capped"),
        new(TimeSpan.FromMinutes(-8), DeploymentAction.Traffic, 25, "healthy at 5 %"),
        new(TimeSpan.FromMinutes(6), DeploymentAction.Traffic, 50, "healthy at 25 %"),
    ];

    /// <summary>The candidate's share of asr traffic and its latency factor at <paramref name="at"/> (script time since the first start).</summary>
    public static (double Share, double LatencyFactor) StateAt(TimeSpan at)
    {
        var last = Script.LastOrDefault(s => s.Offset <= at);
        if (last is null)
        {
            return (0, 1);
        }
        return (last.TrafficPercent / 100.0, last.Degrades ? DegradedLatencyFactor : 1);
    }
}
