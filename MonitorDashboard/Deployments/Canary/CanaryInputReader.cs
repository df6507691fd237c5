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

    /// <summary>Both versions' data for every metric; each version's request count is read once, however many rates use it.</summary>
    public async Task<IReadOnlyList<(Side Baseline, Side Candidate)>> ReadAsync(
        IReadOnlyList<CanaryMetricSpec> specs, string model, string stage, string baselineVersion, string candidateVersion,
        long fromMs, long toMs, int maxValues, CancellationToken cancellationToken)
    {
        var requests = new Dictionary<string, SeriesValues>();
        async Task<SeriesValues> RequestsAsync(string version)
        {
            if (!requests.TryGetValue(version, out var values))
            {
                requests[version] = values = await queries.GetValuesAsync(
                    new SeriesSelector { Model = model, Version = version, Stage = stage, Name = RequestsMetric }, fromMs, toMs, maxValues, cancellationToken);
            }
            return values;
        }

        async Task<Side> SideAsync(CanaryMetricSpec spec, string version)
        {
            var values = await queries.GetValuesAsync(
                new SeriesSelector { Model = model, Version = version, Stage = stage, Name = spec.Name }, fromMs, toMs, maxValues, cancellationToken);
            return spec.Shape == MetricShape.Samples || values.Total == 0
                ? new Side(version, values.Values, values.Total, null)
                : new Side(version, values.Values, values.Total, Counts(values, await RequestsAsync(version)));
        }

        var sides = new List<(Side, Side)>(specs.Count);
        foreach (var spec in specs)
        {
            sides.Add((await SideAsync(spec, baselineVersion), await SideAsync(spec, candidateVersion)));
        }
        return sides;
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
