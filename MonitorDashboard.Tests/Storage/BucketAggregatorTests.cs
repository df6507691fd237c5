using MonitorDashboard.Storage;

namespace MonitorDashboard.Tests.Storage;

public sealed class BucketAggregatorTests
{
    [Theory]
    [InlineData(0.50, 50.5)]
    [InlineData(0.95, 95.05)]
    [InlineData(0.99, 99.01)]
    [InlineData(0.0, 1)]
    [InlineData(1.0, 100)]
    public void Percentile_OneToHundred_InterpolatesBetweenRanks(double quantile, double expected)
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.Equal(expected, BucketAggregator.Percentile(sorted, quantile), 9);
    }

    [Fact]
    public void Complete_UnsortedValues_ReportsStatisticsAndStartsEmpty()
    {
        var aggregator = new BucketAggregator();
        foreach (var v in new[] { 5.0, 1, 3 })
        {
            aggregator.Add(v);
        }

        var bucket = aggregator.Complete(60_000);

        Assert.Equal((3L, 9.0, 1.0, 5.0, 3.0, 3.0), (bucket.Count, bucket.Sum, bucket.Min, bucket.Max, bucket.Avg, bucket.P50));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(60_000), bucket.Ts);
        Assert.Equal(0, aggregator.Count);
    }

    [Fact]
    public void Percentile_SingleValue_IsThatValue() =>
        Assert.Equal(7, BucketAggregator.Percentile([7.0], 0.99));
}
