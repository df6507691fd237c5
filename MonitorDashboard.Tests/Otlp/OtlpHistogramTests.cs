using MonitorDashboard.Ingestion.Otlp;

namespace MonitorDashboard.Tests.Otlp;

/// <summary>The pure parts of histogram translation: spreading counts inside buckets, and exponential deltas across scales.</summary>
public sealed class OtlpHistogramTests
{
    [Fact]
    public void Spread_CountsOverTheCap_KeepBucketProportionsAndStayInsideBuckets()
    {
        BucketRange[] buckets = [new(double.NegativeInfinity, 10, 9_000), new(10, 100, 900), new(100, 1000, 99), new(1000, double.PositiveInfinity, 1)];

        var values = RepresentativePoints.Spread(buckets, cap: 200, min: 2, max: 5000);

        Assert.Equal(200, values.Count);
        Assert.Equal(180, values.Count(v => v is >= 2 and <= 10));   // 90 %
        Assert.Equal(18, values.Count(v => v is > 10 and <= 100));   // 9 %
        Assert.Equal(2, values.Count(v => v is > 100 and <= 1000));  // 0.99 % rounds up by the largest remainder
        Assert.Equal(0, values.Count(v => v > 1000));                // 0.01 % of 200 is no point
    }

    [Fact]
    public void Spread_UnderTheCap_OneValuePerObservationInItsBucket()
    {
        var values = RepresentativePoints.Spread([new(0, 10, 2), new(10, 20, 1)], cap: 200, min: null, max: null);

        Assert.Equal([2.5, 7.5, 15], values);
    }

    [Fact]
    public void Minus_EarlierSnapshotAtAFinerScale_MergedDownBeforeSubtracting()
    {
        // scale 1: buckets 2,3 -> scale 0: bucket 1 (each lower-scale bucket is two higher-scale ones)
        var earlier = new ExponentialBuckets(1, 0, 2, [3, 4], 0, []);
        var later = new ExponentialBuckets(0, 1, 1, [10], 0, []);

        var delta = later.Minus(earlier);

        Assert.NotNull(delta);
        Assert.Equal([3L], delta.Positive);
        Assert.Equal(1, delta.ZeroCount);
    }

    [Fact]
    public void Minus_CountWentDown_NullForAReset()
    {
        var earlier = new ExponentialBuckets(0, 0, 0, [5], 0, []);
        var later = new ExponentialBuckets(0, 0, 0, [2], 0, []);

        Assert.Null(later.Minus(earlier));
    }
}
