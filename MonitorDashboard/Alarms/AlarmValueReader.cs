using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>The aggregated value of every series a rule matches, over the rule's window ending now (null: no points).</summary>
public sealed class AlarmValueReader(SeriesQueryService queries)
{
    public async Task<Dictionary<long, double?>> ReadAsync(AlarmRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var selector = rule.Selector;
        var buckets = await queries.GetBucketsAsync(selector,
            (now - rule.Window).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() + 1, null, cancellationToken);
        return buckets.ToDictionary(b => b.Series.Id, b => b.Buckets.Count == 0 ? (double?)null : Aggregate(b.Buckets[0], rule));
    }

    public static double Aggregate(Bucket bucket, AlarmRule rule) => rule.Aggregation switch
    {
        AlarmAggregation.Avg => bucket.Avg,
        AlarmAggregation.Min => bucket.Min,
        AlarmAggregation.Max => bucket.Max,
        AlarmAggregation.Sum => bucket.Sum,
        AlarmAggregation.Count => bucket.Count,
        AlarmAggregation.Rate => bucket.Count / rule.Window.TotalSeconds,
        AlarmAggregation.P50 => bucket.P50,
        AlarmAggregation.P95 => bucket.P95,
        AlarmAggregation.P99 => bucket.P99,
        _ => bucket.Last,
    };
}
