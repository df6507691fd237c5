namespace MonitorDashboard.Deployments.Canary;

/// <summary>Wire names of <see cref="MetricDirection"/>: <c>higher-is-worse</c>, <c>higher-is-better</c>, <c>two-sided</c>.</summary>
public static class MetricDirectionWire
{
    public static string ToWire(this MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsWorse => "higher-is-worse",
        MetricDirection.HigherIsBetter => "higher-is-better",
        _ => "two-sided",
    };

    public static bool TryParse(string? text, out MetricDirection direction)
    {
        foreach (var candidate in Enum.GetValues<MetricDirection>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }
        direction = MetricDirection.TwoSided;
        return false;
    }
}
