namespace MonitorDashboard.Drift;

/// <summary>
/// Ks = the KS statistic D; Threshold = the D at which the p-value equals alpha for these sizes; Drifted = PValue &lt; alpha
/// (equivalently Ks &gt; Threshold); Score = Ks / Threshold, so 1 is the alarm line at every sample size.
/// Psi is shown for familiarity only and decides nothing.
/// </summary>
public sealed record DriftResult(
    double Psi, double Ks, double PValue, double Threshold, bool Drifted, int N, int ReferenceN, double Score);
