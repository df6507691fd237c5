using MonitorDashboard.Statistics;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Alpha is the family-wise chance of calling any metric worse when nothing changed, over the canary's whole life
/// (every look included). Tau is the mSPRT mixing scale on the standardized effect (see <see cref="AlwaysValid.DefaultTau"/>).
/// </summary>
public sealed record CanaryJudgeOptions(
    double Alpha = 0.05, int MinSamplesPerSide = 30, long MinTrialsPerSide = 200, double Tau = AlwaysValid.DefaultTau);
