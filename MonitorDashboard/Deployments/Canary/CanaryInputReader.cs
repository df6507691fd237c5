using MonitorDashboard.Storage;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Reads what the judge compares for one metric and both versions over the same window. Rates become counts over
/// requests: outcomes posted per request (values 0 or 1) count as they are; rates posted as gauges (e.g. a per-second
/// error rate) are weighted by the requests of that version, estimated from its <c>qps</c> metric over the same time
/// (mean QPS x seconds covered), so a version with little traffic does not weigh as much as one with a lot.
/// </summary>
public sealed class CanaryInputReader(SeriesQueryService queries)
{
    public const string RequestsMetric = "qps";

    public sealed record Side(string Version, IReadOnlyList<double> Values, long Total, ProportionCounts? Counts);

    public async Task<(Side Baseline, Side Candidate)> ReadAsync(
        CanaryMetricSpec spec, string model, string stage, string baselineVersion, string candidateVersion,
        long fromMs, long toMs, int maxValues, CancellationToken cancellationToken)
    {
        var baseline = await ReadSideAsync(spec, model, stage, baselineVersion, fromMs, toMs, maxValues, cancellationToken);
        var candidate = await ReadSideAsync(spec, model, stage, candidateVersion, fromMs, toMs, maxValues, cancellationToken);
        return (baseline, candidate);
    }

    private async Task<Side> ReadSideAsync(CanaryMetricSpec spec, string model, string stage, string version, long fromMs, long toMs, int maxValues, CancellationToken cancellationToken)
    {
        var values = await queries.GetValuesAsync(new SeriesSelector { Model = model, Version = version, Stage = stage, Name = spec.Name }, fromMs, toMs, maxValues, cancellationToken);
        if (spec.Shape == MetricShape.Samples || values.Total == 0)
        {
            return new Side(version, values.Values, values.Total, null);
        }
        var requests = await queries.GetValuesAsync(new SeriesSelector { Model = model, Version = version, Stage = stage, Name = RequestsMetric }, fromMs, toMs, maxValues, cancellationToken);
        return new Side(version, values.Values, values.Total, Counts(values, requests));
    }

    /// <summary>Events and trials of a rate metric (see the class summary).</summary>
    public static ProportionCounts Counts(SeriesValues rate, SeriesValues requests)
    {
        var mean = Math.Clamp(rate.Mean, 0, 1);
        if (rate.Values.All(v => v is 0 or 1))
        {
            return new ProportionCounts((long)Math.Round(mean * rate.Total), rate.Total);
        }
        // A gauge: one point per interval. Without a request count each point counts as one observation (conservative).
        var trials = requests.Total > 0 && rate.Total > 1
            ? (long)Math.Round(Math.Max(0, requests.Mean) * Math.Max(1, rate.CoveredSeconds + (rate.CoveredSeconds / (rate.Total - 1))))
            : rate.Total;
        trials = Math.Max(trials, rate.Total);
        return new ProportionCounts((long)Math.Round(mean * trials), trials);
    }
}
