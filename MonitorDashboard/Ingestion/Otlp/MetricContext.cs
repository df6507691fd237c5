using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>What every data point of one metric shares while it is translated.</summary>
/// <param name="Scale">Factor from the metric's unit to the stored one (see <see cref="OtlpUnits"/>).</param>
/// <param name="LatestMs">The latest time a point may carry (now plus the allowed clock skew).</param>
public sealed record MetricContext(ResourceIdentity Resource, Metric Metric, double Scale, long LatestMs, OtlpTranslation Translation)
{
    /// <summary>Adds all events of one data point, or refuses and counts the point.</summary>
    /// <returns>Whether the events were added.</returns>
    public bool Add(PointTarget target, IReadOnlyList<(string Suffix, double Value)> values)
    {
        var problem = Translation.TryAdd(target.Series, target.TimestampMs, values);
        if (problem is not null)
        {
            Translation.Reject(1, problem);
        }
        return problem is null;
    }
}
