namespace MonitorDashboard.Drift;

/// <summary>Edges has one more entry than each share array; each side's shares sum to 1 (all 0 for an empty side).</summary>
public sealed record HistogramData(double[] Edges, double[] ReferenceShares, double[] CurrentShares);
