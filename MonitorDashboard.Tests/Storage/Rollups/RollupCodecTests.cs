using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Tests.Storage.Rollups;

public sealed class RollupCodecTests
{
    [Fact]
    public void Decode_EncodedAggregate_GivesBackEveryStatisticAndTheSketch()
    {
        const long Bucket = 1_764_000_000_000;
        var aggregate = new RollupAggregate();
        aggregate.Add(Bucket + 59_999, -3.5);
        aggregate.Add(Bucket + 10, 120.25);
        aggregate.Add(Bucket + 500, 0);

        var stored = RollupCodec.Decode(RollupCodec.Encode(aggregate, Bucket), Bucket, out var sketch);

        Assert.Equal(new RollupStatistics(3, 116.75, -3.5, 120.25, -3.5, Bucket + 59_999), stored);
        var decoded = new QuantileSketch();
        decoded.MergeBytes(sketch);
        Assert.Equal([aggregate.Sketch.Quantile(0), aggregate.Sketch.Quantile(0.5), aggregate.Sketch.Quantile(1)],
            [decoded.Quantile(0), decoded.Quantile(0.5), decoded.Quantile(1)]);
    }

    [Fact]
    public void Decode_UnknownFormat_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => RollupCodec.Decode([9, 1, 2], 0, out _));
}
