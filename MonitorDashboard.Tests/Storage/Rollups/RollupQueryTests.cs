using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Rollups;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Rollups;

/// <summary>Long-range answers come from the rollups the writer keeps; they must agree with the raw points.</summary>
public sealed class RollupQueryTests : IAsyncDisposable
{
    private static readonly long Hour = RollupResolution.HourMs;
    private static readonly long Day = 24 * Hour;
    // Thirty whole days (long enough for hour rollups), ending yesterday so every bucket is complete.
    private static readonly long To = RollupResolution.BucketStart(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Day) - Day;
    private static readonly long From = To - (30 * Day);
    private static readonly SeriesKey Latency = new() { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "latency_ms", Tags = TagJson.Empty };

    private readonly MonitorDashboardFactory _app = new();

    // Raw points older than a week (and minutes older than 30 days) would be pruned at start; these tests compare against them.
    public RollupQueryTests()
    {
        _app.Settings["Retention:RawPointsDays"] = "3650";
        _app.Settings["Retention:MinuteRollupDays"] = "3650";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Log-normal latencies at random moments, stored in random order and batches (late points included).</summary>
    private async Task<List<(long Ts, double Value)>> StoreRandomLatenciesAsync(int count, int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, count)
            .Select(_ => (Ts: From + (long)(random.NextDouble() * (To - From)), Value: Math.Round(Math.Exp(4 + (1.1 * Gaussian(random))), 3)))
            .ToList();
        var store = await _app.StartedPointStoreAsync();
        foreach (var batch in points.OrderBy(p => p.Ts + random.Next(-600_000, 600_000)).Chunk(random.Next(200, 3_000)))
        {
            await store.AppendAsync(batch.Select(p => new PointWrite(null, Latency, p.Ts, p.Value)).ToList(), CancellationToken.None);
        }
        return points;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private Task<IReadOnlyList<SeriesBuckets>> QueryAsync(long from, long to, long? step) =>
        _app.Services.GetRequiredService<SeriesQueryService>().GetBucketsAsync(new SeriesSelector { Model = "asr" }, from, to, step, CancellationToken.None);

    private static void AssertMatchesExact(Bucket bucket, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        Assert.Equal(sorted.Length, bucket.Count);
        Assert.Equal(sorted[0], bucket.Min);
        Assert.Equal(sorted[^1], bucket.Max);
        Assert.Equal(sorted.Sum(), bucket.Sum, tolerance: 1e-6 * sorted.Sum());
        QuantileSketchTests.AssertWithinError(sorted, 0.50, bucket.P50);
        QuantileSketchTests.AssertWithinError(sorted, 0.95, bucket.P95);
        QuantileSketchTests.AssertWithinError(sorted, 0.99, bucket.P99);
    }

    [Fact]
    public async Task GetBuckets_ThirtyDaysInDaySteps_PercentilesFromRollupsAreWithinTheSketchErrorOfExact()
    {
        var points = await StoreRandomLatenciesAsync(60_000, seed: 1);

        var buckets = Assert.Single(await QueryAsync(From, To, Day)).Buckets;

        Assert.Equal(30, buckets.Count);
        foreach (var bucket in buckets)
        {
            var start = bucket.Ts.ToUnixTimeMilliseconds();
            AssertMatchesExact(bucket, points.Where(p => p.Ts >= start && p.Ts < start + Day).Select(p => p.Value));
        }
        // The answer came from the rollups alone: without the raw points it is the same.
        _app.Execute("DELETE FROM PointBlocks");
        Assert.Equal(buckets, Assert.Single(await QueryAsync(From, To, Day)).Buckets);
    }

    [Fact]
    public async Task GetBuckets_UnalignedRangeAsOneBucket_CountsExactlyThePointsInsideFromRawEdgesMinutesAndHours()
    {
        var points = await StoreRandomLatenciesAsync(30_000, seed: 2);
        var from = From + (17 * Hour) + 123_456;
        var to = To - (5 * Hour) - 7_890;

        var bucket = Assert.Single(Assert.Single(await QueryAsync(from, to, step: null)).Buckets);

        AssertMatchesExact(bucket, points.Where(p => p.Ts >= from && p.Ts < to).Select(p => p.Value));
    }

    [Fact]
    public async Task GetBuckets_LatestValuePerBucket_IsTheNewestPointEvenWhenItArrivedFirst()
    {
        var store = await _app.StartedPointStoreAsync();
        var hour = From + Hour;
        await store.AppendAsync([new PointWrite(null, Latency, hour + 50_000, 7)], CancellationToken.None);
        await store.AppendAsync([new PointWrite(null, Latency, hour + 10_000, 3)], CancellationToken.None);

        var bucket = Assert.Single(Assert.Single(await QueryAsync(From, To, Hour)).Buckets);

        Assert.Equal((2, 7.0), (bucket.Count, bucket.Last));
    }

    [Fact]
    public async Task CatchUpRollups_MinutesLeftPending_AreRolledUpAgainFromRawPointsAndTheirHoursFromMinutes()
    {
        var points = await StoreRandomLatenciesAsync(20_000, seed: 3);
        // As after a crash before the rollups were saved, or the upgrade that added them: no rollups, every minute pending.
        var minutes = points.Select(p => RollupResolution.BucketStart(p.Ts, RollupResolution.MinuteMs)).Distinct();
        _app.Execute($"""
            DELETE FROM Rollups;
            INSERT INTO RollupPending SELECT Id, Minute FROM Series, (SELECT column1 AS Minute FROM (VALUES {string.Join(", ", minutes.Select(m => $"({m})"))}));
            """);

        using var restarted = new PointStore(_app.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>(), TimeProvider.System,
            _app.Services.GetRequiredService<IOptions<StorageOptions>>(), _app.Services.GetRequiredService<IOptions<RetentionOptions>>());
        var rebuilt = restarted.CatchUpRollups();

        Assert.Equal(points.Select(p => RollupResolution.BucketStart(p.Ts, RollupResolution.MinuteMs)).Distinct().Count(), rebuilt);
        Assert.Equal(0, restarted.CatchUpRollups());
        Assert.Equal(0, _app.CountRows("RollupPending"));
        var buckets = Assert.Single(await QueryAsync(From, To, Day)).Buckets;
        Assert.Equal(20_000, buckets.Sum(b => b.Count));
        var tenth = buckets[10].Ts.ToUnixTimeMilliseconds();
        AssertMatchesExact(buckets[10], points.Where(p => p.Ts >= tenth && p.Ts < tenth + Day).Select(p => p.Value));
    }
}
