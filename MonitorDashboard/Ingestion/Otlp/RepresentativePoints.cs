namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// Turns a histogram into values our percentile machinery can read: exact quantiles over raw points and the quantile
/// sketches of the rollups both work on values, and a histogram only says how many values fell into each bucket. So
/// each bucket becomes that many values spread evenly inside it (at the midpoints of equal slices), and a quantile
/// read from them lies in the bucket that holds the true quantile. Above <c>cap</c> values the counts are scaled
/// down with the largest-remainder method, which keeps the bucket proportions to within one value.
/// </summary>
public static class RepresentativePoints
{
    /// <param name="min">The smallest value, if known: bounds the open first bucket and clamps the rest.</param>
    /// <param name="max">The largest value, if known: bounds the open last bucket and clamps the rest.</param>
    public static List<double> Spread(IReadOnlyList<BucketRange> buckets, int cap, double? min, double? max)
    {
        var allocation = Allocate(buckets, cap);
        var values = new List<double>(allocation.Sum());
        for (var b = 0; b < buckets.Count; b++)
        {
            var n = allocation[b];
            if (n == 0)
            {
                continue;
            }
            var (lower, upper) = Bounds(buckets[b], min, max);
            for (var j = 0; j < n; j++)
            {
                values.Add(lower + ((upper - lower) * (j + 0.5) / n));
            }
        }
        return values;
    }

    private static int[] Allocate(IReadOnlyList<BucketRange> buckets, int cap)
    {
        var total = buckets.Sum(b => b.Count);
        var allocation = new int[buckets.Count];
        if (total <= cap)
        {
            for (var b = 0; b < buckets.Count; b++)
            {
                allocation[b] = (int)buckets[b].Count;
            }
            return allocation;
        }
        var remainders = new (double Fraction, int Bucket)[buckets.Count];
        var given = 0;
        for (var b = 0; b < buckets.Count; b++)
        {
            var share = (double)buckets[b].Count * cap / total;
            allocation[b] = (int)Math.Floor(share);
            given += allocation[b];
            remainders[b] = (share - allocation[b], b);
        }
        foreach (var (_, bucket) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Bucket).Take(cap - given))
        {
            allocation[bucket]++;
        }
        return allocation;
    }

    /// <summary>Finite bounds for a bucket: open ends closed by min/max (or by the other bound), then clamped to [min, max].</summary>
    private static (double Lower, double Upper) Bounds(BucketRange bucket, double? min, double? max)
    {
        var lower = double.IsNegativeInfinity(bucket.Lower) ? min ?? bucket.Upper : bucket.Lower;
        var upper = double.IsPositiveInfinity(bucket.Upper) ? max ?? lower : bucket.Upper;
        if (min is { } low)
        {
            lower = Math.Max(lower, low);
            upper = Math.Max(upper, low);
        }
        if (max is { } high)
        {
            upper = Math.Min(upper, high);
            lower = Math.Min(lower, high);
        }
        return (lower, upper);
    }
}
