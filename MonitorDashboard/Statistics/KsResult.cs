namespace MonitorDashboard.Statistics;

/// <summary>D = sup |F_reference - F_current|; N = reference size, M = current size.</summary>
public sealed record KsResult(double D, double PValue, int N, int M);
