using MonitorDashboard.Wire;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>The enum the judge uses, to and from the wire names the API and store keep (<see cref="MetricDirections"/>).</summary>
public static class MetricDirectionWire
{
    public static string ToWire(this MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsWorse => MetricDirections.HigherIsWorse,
        MetricDirection.HigherIsBetter => MetricDirections.HigherIsBetter,
        _ => MetricDirections.TwoSided,
    };

    public static bool TryParse(string? text, out MetricDirection direction) =>
        WireNames.TryParse<MetricDirection>(text, ToWire, out direction);
}
