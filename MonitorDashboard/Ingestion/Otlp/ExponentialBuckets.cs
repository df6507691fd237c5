using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// The buckets of an OTLP exponential histogram data point: bucket <c>i</c> holds values in (base^i, base^(i+1)]
/// with base = 2^(2^-scale); negative values use the same buckets by magnitude.
/// </summary>
public sealed record ExponentialBuckets(int Scale, long ZeroCount, int PositiveOffset, long[] Positive, int NegativeOffset, long[] Negative)
{
    /// <summary>Scales outside this range make bases of 1 or infinity in doubles; no SDK emits them.</summary>
    private const int MinScale = -10;
    private const int MaxScale = 20;

    public static ExponentialBuckets? From(ExponentialHistogramDataPoint point)
    {
        if (point.Scale is < MinScale or > MaxScale)
        {
            return null;
        }
        return new ExponentialBuckets(point.Scale, Clamp(point.ZeroCount),
            point.Positive?.Offset ?? 0, point.Positive?.BucketCounts.Select(Clamp).ToArray() ?? [],
            point.Negative?.Offset ?? 0, point.Negative?.BucketCounts.Select(Clamp).ToArray() ?? []);
    }

    public long Total => ZeroCount + Positive.Sum() + Negative.Sum();

    /// <summary>
    /// These counts minus an earlier snapshot's. A cumulative stream may lower its scale as values spread (each lower
    /// bucket is exactly two of the higher ones), so the earlier snapshot is first merged down to this scale.
    /// Null when the scale rose or a count went down (a reset).
    /// </summary>
    public ExponentialBuckets? Minus(ExponentialBuckets earlier)
    {
        if (earlier.Scale < Scale)
        {
            return null;
        }
        var shift = earlier.Scale - Scale;
        var positive = MinusSide(Positive, PositiveOffset, earlier.Positive, earlier.PositiveOffset, shift);
        var negative = MinusSide(Negative, NegativeOffset, earlier.Negative, earlier.NegativeOffset, shift);
        var zero = ZeroCount - earlier.ZeroCount;
        return positive is null || negative is null || zero < 0 ? null : this with { ZeroCount = zero, Positive = positive, Negative = negative };
    }

    public IReadOnlyList<BucketRange> Ranges()
    {
        var ranges = new List<BucketRange>(Positive.Length + Negative.Length + 1);
        for (var i = Negative.Length - 1; i >= 0; i--)
        {
            ranges.Add(new BucketRange(-Boundary(NegativeOffset + i + 1), -Boundary(NegativeOffset + i), Negative[i]));
        }
        ranges.Add(new BucketRange(0, 0, ZeroCount));
        for (var i = 0; i < Positive.Length; i++)
        {
            ranges.Add(new BucketRange(Boundary(PositiveOffset + i), Boundary(PositiveOffset + i + 1), Positive[i]));
        }
        return ranges;
    }

    private double Boundary(int index) => Math.Pow(2, index * Math.Pow(2, -Scale));

    private static long[]? MinusSide(long[] counts, int offset, long[] earlier, int earlierOffset, int shift)
    {
        var delta = (long[])counts.Clone();
        for (var i = 0; i < earlier.Length; i++)
        {
            if (earlier[i] == 0)
            {
                continue;
            }
            // Arithmetic shift: floor division, right for negative indexes too.
            var index = ((earlierOffset + i) >> shift) - offset;
            if (index < 0 || index >= delta.Length || (delta[index] -= earlier[i]) < 0)
            {
                return null;
            }
        }
        return delta;
    }

    private static long Clamp(ulong count) => count > long.MaxValue ? long.MaxValue : (long)count;
}
