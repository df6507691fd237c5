namespace MonitorDashboard.Dashboards;

/// <summary>A drift score line in words: where it started, its peak and where it is now (a step or a ramp reads at a glance).</summary>
public sealed record DriftScoreSummary(double First, DateTimeOffset FirstAt, double Peak, DateTimeOffset PeakAt, double Latest, DateTimeOffset LatestAt)
{
    public static DriftScoreSummary? Of(ChartSeries? line)
    {
        if (line is null || line.Points.Count == 0)
        {
            return null;
        }
        static DateTimeOffset At(double[] p) => DateTimeOffset.FromUnixTimeMilliseconds((long)p[0]);
        var first = line.Points[0];
        var peak = line.Points.MaxBy(p => p[1])!;
        var latest = line.Points[^1];
        return new DriftScoreSummary(first[1], At(first), peak[1], At(peak), latest[1], At(latest));
    }
}
