namespace MonitorDashboard.Statistics;

/// <summary>Shift = median of candidate_j - baseline_i, in the metric's units; [Lower, Upper] its Moses interval.</summary>
public sealed record HodgesLehmannResult(double Shift, double Lower, double Upper);
