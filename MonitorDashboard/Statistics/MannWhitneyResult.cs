namespace MonitorDashboard.Statistics;

/// <summary>
/// U counts the pairs with candidate &gt; baseline (ties count one half); Auc = U / (n1 n2) estimates
/// P(candidate &gt; baseline) + P(tie) / 2. Z is positive when the candidate tends to be larger.
/// </summary>
public sealed record MannWhitneyResult(double U, double Z, double PValueTwoSided, double Auc);
