namespace MonitorDashboard.Benchmarks;

/// <summary>One target of issue 7 against what the run measured; <see cref="Met"/> is null when the run did not measure it.</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met);
