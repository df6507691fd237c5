namespace MonitorDashboard.Statistics;

/// <summary>Difference = CandidateRate - BaselineRate, [Lower, Upper] its Newcombe interval, Z the pooled z (positive when the candidate rate is higher).</summary>
public sealed record ProportionResult(
    double BaselineRate, double CandidateRate, double Difference, double Lower, double Upper, double Z);
