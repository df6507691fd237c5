using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>The buckets of an OTLP histogram data point with explicit bounds.</summary>
public sealed record ExplicitBuckets(double[] Bounds, long[] Counts)
{
    /// <returns>Null when the point carries no valid distribution (counts must be one more than bounds, bounds increasing).</returns>
    public static ExplicitBuckets? From(HistogramDataPoint point)
    {
        if (point.BucketCounts.Count == 0 || point.BucketCounts.Count != point.ExplicitBounds.Count + 1)
        {
            return null;
        }
        var bounds = point.ExplicitBounds.ToArray();
        for (var i = 0; i < bounds.Length; i++)
        {
            if (!double.IsFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                return null;
            }
        }
        var counts = point.BucketCounts.Select(c => c > long.MaxValue ? long.MaxValue : (long)c).ToArray();
        return new ExplicitBuckets(bounds, counts);
    }

    /// <summary>These counts minus an earlier snapshot's; null when the bounds changed or a count went down (a reset).</summary>
    public ExplicitBuckets? Minus(ExplicitBuckets earlier)
    {
        if (!Bounds.AsSpan().SequenceEqual(earlier.Bounds))
        {
            return null;
        }
        var delta = new long[Counts.Length];
        for (var i = 0; i < Counts.Length; i++)
        {
            delta[i] = Counts[i] - earlier.Counts[i];
            if (delta[i] < 0)
            {
                return null;
            }
        }
        return this with { Counts = delta };
    }

    public IReadOnlyList<BucketRange> Ranges()
    {
        var ranges = new BucketRange[Counts.Length];
        for (var i = 0; i < Counts.Length; i++)
        {
            ranges[i] = new BucketRange(i == 0 ? double.NegativeInfinity : Bounds[i - 1], i < Bounds.Length ? Bounds[i] : double.PositiveInfinity, Counts[i]);
        }
        return ranges;
    }
}
