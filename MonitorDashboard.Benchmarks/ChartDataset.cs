namespace MonitorDashboard.Benchmarks;

/// <summary>What <see cref="ChartDataGenerator"/> wrote, and how fast (a progress figure, not a result).</summary>
public sealed record ChartDataset(long Points, int Series, TimeSpan Elapsed)
{
    public double PointsPerSecond => Points / Elapsed.TotalSeconds;
}
