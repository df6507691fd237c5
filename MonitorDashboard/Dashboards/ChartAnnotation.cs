namespace MonitorDashboard.Dashboards;

/// <summary>
/// Marks on a chart: a horizontal <c>threshold</c> line (<see cref="Value"/>), a shaded <c>period</c>
/// (<see cref="From"/> to <see cref="To"/>, e.g. an alarm firing) or a vertical <c>marker</c> (a deployment).
/// <see cref="Detail"/> is shown when the pointer rests on the label (who, what, when).
/// </summary>
public sealed record ChartAnnotation(string Kind, string Label, double? Value = null, long? From = null, long? To = null, string? Color = null, string? Detail = null)
{
    public static ChartAnnotation Threshold(double value, string label, string? color = null) => new("threshold", label, Value: value, Color: color);

    public static ChartAnnotation Period(DateTimeOffset from, DateTimeOffset to, string label, string? color = null) =>
        new("period", label, From: from.ToUnixTimeMilliseconds(), To: to.ToUnixTimeMilliseconds(), Color: color);

    public static ChartAnnotation Marker(DateTimeOffset at, string label, string? color = null, string? detail = null) =>
        new("marker", label, From: at.ToUnixTimeMilliseconds(), Color: color, Detail: detail);
}
