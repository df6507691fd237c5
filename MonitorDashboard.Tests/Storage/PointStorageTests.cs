using MonitorDashboard.Configuration;
using MonitorDashboard.Retention;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Deletion;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage;

/// <summary>
/// The point side of storage on both engines, through the same classes the app uses (the engine's
/// <see cref="IPointStore"/>, <see cref="SeriesQueryService"/> and retention): ingestion, de-duplication, rollups,
/// retention and deleting series.
/// </summary>
public sealed class PointStorageTests
{
    private static readonly SeriesKey Latency = new() { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "latency_ms", Tags = TagJson.Empty };
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Append_PointsLateAndInTheSameMillisecond_AreReadBackInTimeThenArrivalOrderAlsoFromASecondWriter(StorageProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var now = database.Time.GetUtcNow().AddMinutes(-30).ToUnixTimeMilliseconds();
        var store = database.Get<IPointStore>();
        await store.AppendAsync([Point(now, 1), Point(now, 2), Point(now - 1_000, 0)], None);
        // An hour-window earlier than every block, then the same millisecond again from another writer.
        await store.AppendAsync([Point(now - (3 * 3_600_000), -1)], None);
        using (var second = database.NewPointStore())
        {
            await second.AppendAsync([Point(now, 3), Point(now + 1, 4)], None);
        }

        var points = Assert.Single(await ReadAllAsync(database));

        Assert.Equal([now - (3 * 3_600_000), now - 1_000, now, now, now, now + 1], points.TimestampsMs);
        Assert.Equal([-1.0, 0, 1, 2, 3, 4], points.Values);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Append_RetriedIdsOfAnyShape_AreStoredOnceAlsoByASecondWriter(StorageProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var ts = database.Time.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds();
        var ids = new[] { "uuid", "ulid", "counter" }.SelectMany(shape => Enumerable.Range(0, 500).Select(i => EventIds.Of(shape, i))).ToList();
        PointWrite Write(int i) => new(ids[i], Latency, ts + i, i);

        var first = await database.Get<IPointStore>().AppendAsync([.. Enumerable.Range(0, 1_000).Select(Write), Write(5)], None);
        using var second = database.NewPointStore();
        var retried = await second.AppendAsync([.. Enumerable.Range(500, 1_000).Select(Write)], None);

        Assert.Equal(1_000, first.Count(s => s));
        Assert.False(first[^1]); // a duplicate within one commit
        Assert.Equal(500, retried.Count(s => s));
        Assert.All(retried.Take(500), s => Assert.False(s));
        Assert.Equal(1_500, Assert.Single(await ReadAllAsync(database)).Values.Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Buckets_OverTheLastDay_AreExactFromRollupsAcrossCommitsAndWriters(StorageProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var start = database.Time.GetUtcNow().AddHours(-5).ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000;
        var store = database.Get<IPointStore>();
        // Three hours of one point a minute (values 0..179), in commits of ten, the last hour by a second writer.
        for (var minute = 0; minute < 120; minute += 10)
        {
            await store.AppendAsync([.. Enumerable.Range(minute, 10).Select(m => Point(start + (m * 60_000), m))], None);
        }
        store.FlushRollups();
        using (var second = database.NewPointStore())
        {
            await second.AppendAsync([.. Enumerable.Range(120, 60).Select(m => Point(start + (m * 60_000), m))], None);
            second.FlushRollups();
        }

        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var buckets = Assert.Single(await database.Get<SeriesQueryService>().GetBucketsAsync(
            Latency.Selector, now - 86_400_000, now, 3_600_000, None)).Buckets;

        Assert.Equal([60L, 60, 60], buckets.Select(b => b.Count));
        Assert.Equal([Sum(0, 60), Sum(60, 60), Sum(120, 60)], buckets.Select(b => b.Sum));
        Assert.Equal([0.0, 60, 120], buckets.Select(b => b.Min));
        Assert.Equal([59.0, 119, 179], buckets.Select(b => b.Max));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Prune_PointsRollupsAndIdsPastTheirAge_AreDeletedToTheMillisecond(StorageProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var now = database.Time.GetUtcNow();
        var cutoff = (now - TimeSpan.FromDays(new RetentionOptions().RawPointsDays)).ToUnixTimeMilliseconds();
        var store = database.Get<IPointStore>();
        // One block straddling the cutoff (trimmed), one wholly older (deleted), one recent; ids on the old ones.
        await store.AppendAsync([new("old-1", Latency, cutoff - 7_200_000, 1), new("old-2", Latency, cutoff - 1, 2), new("new-1", Latency, cutoff, 3),
            Point(now.AddMinutes(-1).ToUnixTimeMilliseconds(), 4)], None);
        store.FlushRollups();

        var retention = database.Get<RetentionService>();
        var pruned = await retention.PruneAsync(now, None);

        Assert.Equal(2, pruned.Points);
        Assert.Equal(0, pruned.EventIds);
        var kept = Assert.Single(await ReadAllAsync(database)).Values;
        Assert.Equal([3.0, 4], kept);
        // Ids are forgotten by their age at arrival, minute rollups after 30 days: 31 days on, the ids and all four minutes.
        var later = await retention.PruneAsync(now + TimeSpan.FromDays(31), None);
        Assert.Equal(3, later.EventIds);
        Assert.Equal(4, later.MinuteRollups);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task RemoveSeries_ItsPointsAndRollupsGo_AndTheNextPointMakesAFreshSeries(StorageProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var ts = database.Time.GetUtcNow().AddHours(-2).ToUnixTimeMilliseconds();
        var store = database.Get<IPointStore>();
        await store.AppendAsync([.. Enumerable.Range(0, 50).Select(i => Point(ts + (i * 1_000), i))], None);
        store.FlushRollups();
        var id = Assert.Single(await database.Get<SeriesQueryService>().ListSeriesAsync(SeriesSelector.All, None)).Id;

        var data = database.Get<SeriesDataStore>();
        Assert.Equal((1, 50L), await data.DeleteBlocksAsync([id], 100, None));
        Assert.Equal(2, await data.DeleteRollupsAsync([id], 100, None));
        var removed = store.RemoveSeriesAsync(new HashSet<long> { id });
        store.FlushRollups(); // the writer applies removals between commits
        await removed;
        await store.AppendAsync([Point(ts, 7)], None);

        var series = Assert.Single(await ReadAllAsync(database));
        Assert.NotEqual(id, series.Series.Id);
        Assert.Equal([7.0], series.Values);
    }

    [Fact]
    public async Task TwoWriters_InterleavedCommitsToOneSeriesMinute_KeepRollupsAndIdsExact()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var minute = database.Time.GetUtcNow().AddHours(-2).ToUnixTimeMilliseconds() / 60_000 * 60_000;
        using var a = database.NewPointStore();
        using var b = database.NewPointStore();
        // Both instances get every batch (a client retrying on the other one): each id must be stored once.
        async Task WriteAsync(IPointStore store)
        {
            for (var batch = 0; batch < 40; batch++)
            {
                await store.AppendAsync([.. Enumerable.Range(batch * 25, 25).Select(i => new PointWrite($"e{i}", Latency, minute + i, i))], None);
            }
        }
        await Task.WhenAll(Task.Run(() => WriteAsync(a)), Task.Run(() => WriteAsync(b)));

        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        async Task<Bucket> DayAsync() => Assert.Single(Assert.Single(await database.Get<SeriesQueryService>().GetBucketsAsync(
            Latency.Selector, now - 86_400_000, now, 3_600_000, None)).Buckets);

        // Before the writers fold their rollup deltas, and after both fold at once.
        var unfolded = await DayAsync();
        await Task.WhenAll(Task.Run(a.FlushRollups), Task.Run(b.FlushRollups));
        var folded = await DayAsync();

        Assert.Equal((1_000L, Sum(0, 1_000)), (unfolded.Count, unfolded.Sum));
        Assert.Equal((1_000L, Sum(0, 1_000), 999.0), (folded.Count, folded.Sum, folded.Last));
        Assert.Equal(0, await database.CountAsync("RollupDeltas"));
        Assert.Equal(1_000, Assert.Single(await ReadAllAsync(database)).Values.Length);
    }

    [Fact]
    public async Task TwoInstancesFoldingABacklogAtOnce_TakeDisjointDeltasAndKeepSharedHourRowsExact()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var start = database.Time.GetUtcNow().AddHours(-22).ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000;
        using var a = database.NewPointStore();
        using var b = database.NewPointStore();
        // One point a minute for 20 hours, a commit each: 2,400 deltas, more than one fold takes, 60 per hour row.
        for (var minute = 0; minute < 1_200; minute++)
        {
            await a.AppendAsync([Point(start + (minute * 60_000L), minute)], None);
        }
        Assert.True(await database.CountAsync("RollupDeltas") > 2_000);

        while (await database.CountAsync("RollupDeltas") > 0)
        {
            await Task.WhenAll(Task.Run(a.FlushRollups), Task.Run(b.FlushRollups));
        }

        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var buckets = Assert.Single(await database.Get<SeriesQueryService>().GetBucketsAsync(
            Latency.Selector, now - 86_400_000, now, 3_600_000, None)).Buckets;
        Assert.Equal(Enumerable.Repeat(60L, 20), buckets.Select(x => x.Count));
        Assert.Equal(Enumerable.Range(0, 20).Select(h => Sum(h * 60, 60)), buckets.Select(x => x.Sum));
    }

    [Fact]
    public async Task SeriesDeletedByAnotherInstance_TheWriterThatCachedItStoresItsNextPointInAFreshSeries()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var ts = database.Time.GetUtcNow().AddMinutes(-10).ToUnixTimeMilliseconds();
        var a = database.Get<IPointStore>();
        await a.AppendAsync([Point(ts, 1)], None); // A now has the series' id cached
        var id = Assert.Single(await database.Get<SeriesQueryService>().ListSeriesAsync(SeriesSelector.All, None)).Id;
        using (var b = database.NewPointStore())
        {
            var removed = b.RemoveSeriesAsync(new HashSet<long> { id });
            b.FlushRollups();
            await removed;
        }

        await a.AppendAsync([Point(ts + 1, 2)], None);

        var series = Assert.Single(await ReadAllAsync(database));
        Assert.NotEqual(id, series.Series.Id);
        Assert.Equal([2.0], series.Values);
    }

    private static PointWrite Point(long timestampMs, double value) => new(null, Latency, timestampMs, value);

    private static double Sum(int from, int count) => Enumerable.Range(from, count).Sum(i => (double)i);

    private static async Task<IReadOnlyList<SeriesPoints>> ReadAllAsync(TestDatabase database) =>
        await database.Get<SeriesQueryService>().GetPointsAsync(SeriesSelector.All, long.MinValue, long.MaxValue, None);
}
