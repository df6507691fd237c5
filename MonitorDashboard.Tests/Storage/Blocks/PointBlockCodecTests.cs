using MonitorDashboard.Storage.Blocks;

namespace MonitorDashboard.Tests.Storage.Blocks;

public sealed class PointBlockCodecTests
{
    private static List<(long TimestampMs, double Value)> RoundTrip(IReadOnlyList<(long TimestampMs, double Value)> points)
    {
        var encoder = new PointBlockEncoder();
        foreach (var (ts, value) in points)
        {
            encoder.Append(ts, value);
        }
        Assert.Equal(points.Count, encoder.Count);
        Assert.Equal(points.Min(p => p.TimestampMs), encoder.MinTimestampMs);
        Assert.Equal(points.Max(p => p.TimestampMs), encoder.MaxTimestampMs);
        var decoded = new List<(long, double)>();
        var decoder = new PointBlockDecoder(encoder.Encoded);
        while (decoder.Next())
        {
            decoded.Add((decoder.TimestampMs, decoder.Value));
        }
        return decoded;
    }

    /// <summary>Bit for bit: NaN payloads and the sign of zero included, which == on doubles would not see.</summary>
    private static void AssertSameBits(IReadOnlyList<(long TimestampMs, double Value)> expected, List<(long TimestampMs, double Value)> actual)
    {
        Assert.Equal(expected.Select(p => p.TimestampMs), actual.Select(p => p.TimestampMs));
        Assert.Equal(expected.Select(p => BitConverter.DoubleToUInt64Bits(p.Value)), actual.Select(p => BitConverter.DoubleToUInt64Bits(p.Value)));
    }

    [Fact]
    public void RoundTrip_SpecialValues_AreKeptBitForBit()
    {
        double[] values = [double.NaN, BitConverter.UInt64BitsToDouble(0x7FF8_0000_DEAD_BEEF), 0.0, -0.0, 0.0, double.MaxValue, double.MinValue,
            double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, 1.0, 1.0, 1.0, 0.1 + 0.2, -123456.789];
        var points = values.Select((v, i) => (1_700_000_000_000L + (i * 1_000), v)).ToList();

        AssertSameBits(points, RoundTrip(points));
    }

    [Fact]
    public void RoundTrip_TimestampsFarApartAndAtTheExtremes_AreKept()
    {
        (long, double)[] points = [(long.MinValue, 1), (long.MaxValue, 2), (0, 3), (long.MinValue + 1, 4), (-1, 5), (long.MaxValue, 6), (1_700_000_000_000, 7)];

        AssertSameBits(points, RoundTrip(points));
    }

    [Fact]
    public void RoundTrip_EqualAndOutOfOrderTimestamps_KeepTheirArrivalOrder()
    {
        (long, double)[] points = [(1_000, 1), (1_000, 2), (1_000, 3), (999, 4), (2_000, 5), (1_500, 6), (1_500, 7), (3_000, 8)];

        AssertSameBits(points, RoundTrip(points));
    }

    [Fact]
    public void Encode_RegularSeriesOfRepeatedValues_TakesTwoBytesAPoint()
    {
        var points = Enumerable.Range(0, 1_000).Select(i => (1_700_000_000_000L + (i * 10_000L), 42.0)).ToList();
        var encoder = new PointBlockEncoder();
        points.ForEach(p => encoder.Append(p.Item1, p.Item2));

        // The first point carries the full timestamp and value; every other one a zero delta-of-delta and a zero XOR.
        Assert.True(encoder.Length <= (2 * 1_000) + 20, $"{encoder.Length} bytes");
        AssertSameBits(points, RoundTrip(points));
    }

    [Fact]
    public void RoundTrip_RandomPoints_AreKept()
    {
        var random = new Random(17);
        var points = Enumerable.Range(0, 5_000)
            .Select(_ => (random.NextInt64(-10_000_000_000, 10_000_000_000), random.Next(4) switch
            {
                0 => random.NextDouble(),
                1 => Math.Round(random.NextDouble() * 100),
                2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => -random.NextDouble() * 1e300,
            }))
            .ToList();

        AssertSameBits(points, RoundTrip(points));
    }

    [Fact]
    public void SortByTimeStable_PointsOutOfOrder_AreOrderedByTimeAndKeepArrivalOrderWithinAMillisecond()
    {
        var list = new PointList();
        foreach (var (ts, value) in new (long, double)[] { (5, 1), (3, 2), (5, 3), (1, 4), (3, 5) })
        {
            list.Add(ts, value);
        }

        list.SortByTimeStable();

        Assert.Equal([1L, 3, 3, 5, 5], list.TimestampsMs.ToArray());
        Assert.Equal([4.0, 2, 5, 1, 3], list.Values.ToArray());
        Assert.Equal(1, list.LowerBound(2));
    }
}
