namespace MonitorDashboard.Ingestion;

/// <summary>The wire spelling of <see cref="MetricKind"/> (lower case, as clients post it).</summary>
public static class MetricKinds
{
    public static string ToWire(this MetricKind kind) => kind switch
    {
        MetricKind.Software => "software",
        MetricKind.Input => "input",
        MetricKind.Output => "output",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out MetricKind kind)
    {
        switch (text)
        {
            case "software": kind = MetricKind.Software; return true;
            case "input": kind = MetricKind.Input; return true;
            case "output": kind = MetricKind.Output; return true;
            default: kind = default; return false;
        }
    }
}
