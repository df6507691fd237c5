namespace MonitorDashboard.Dashboards;

/// <summary>
/// One line of a chart: a name (shown as text, never as HTML), points as [Unix ms, value] pairs, and optionally a
/// colour and a dash length (lines of one version share a colour; statistics differ by dash).
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double[]> Points, string? Color = null, int Dash = 0)
{
    public static double[] Point(DateTimeOffset ts, double value) => [ts.ToUnixTimeMilliseconds(), value];
}
