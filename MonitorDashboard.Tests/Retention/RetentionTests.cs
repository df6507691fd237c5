using System.Net;
using MonitorDashboard.Retention;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Rollups;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Retention;

public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly MonitorDashboardFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _app.Settings["Retention:RowsPerStep"] = "100";
        // the concurrency test posts as fast as it can: the per-key rate limit is not what it is about
        _app.Settings["Auth:IngestEventsPerSecond"] = "10000000";
        _app.Settings["Auth:IngestEventBurst"] = "10000000";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static SeriesKey Series(string name) => new() { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = name, Tags = TagJson.Empty };

    private async Task StoreAsync(IEnumerable<PointWrite> points) =>
        await (await _app.StartedPointStoreAsync()).AppendAsync(points.ToList(), CancellationToken.None);

    [Fact]
    public async Task Prune_PointsAroundTheCutoff_DeletesExactlyThoseOlderThanSevenDays()
    {
        var ages = new[] { TimeSpan.FromDays(30), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(1) };
        await StoreAsync(new[] { "a", "b" }.SelectMany(name => ages.Select((age, i) => new PointWrite(null, Series(name), (Now - age).ToUnixTimeMilliseconds(), i))));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);

        Assert.Equal(4, pruned.Points); // two per series
        // Values 2 and 3 stay in both series (read from the file: queries answer older windows from rollups on purpose).
        Assert.Equal([2.0, 2.0, 3.0, 3.0], (await StoredPointsAsync()).SelectMany(s => s.Values).Order());
    }

    [Fact]
    public async Task Prune_EventIdsPastTheirAge_AreDeletedFromTheFile()
    {
        var client = _app.CreateClient();
        await client.PostEventsAsync(EventJson.Event(id: "old-1"), EventJson.Event(id: "new-1"));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now + TimeSpan.FromDays(8), CancellationToken.None);

        Assert.Equal(2, pruned.EventIds);
        Assert.Equal(0, _app.CountRows("EventIdBatches"));
    }

    [Fact]
    public async Task Prune_LargeBacklogWhileClientsPost_EveryPostIsAcceptedAndStored()
    {
        var old = (Now - TimeSpan.FromDays(10)).ToUnixTimeMilliseconds();
        await StoreAsync(Enumerable.Range(0, 50_000).Select(i => new PointWrite(null, Series($"old{i % 5}"), old + i, i)));
        var client = _app.CreateClient();

        var pruning = _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);
        var posts = new List<HttpResponseMessage>();
        while (!pruning.IsCompleted || posts.Count < 20)
        {
            posts.Add(await client.PostEventsAsync(Enumerable.Range(0, 10).Select(i => EventJson.Event(name: "live", value: i)).ToArray()));
        }
        var pruned = await pruning;

        Assert.Equal(50_000, pruned.Points);
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        Assert.Equal(posts.Count * 10L, _app.CountPoints());
    }

    [Fact]
    public async Task Prune_RollupsAroundTheirCutoffs_DeletesExactlyMinutesOlderThan30DaysAndHoursOlderThanAYear()
    {
        var ages = new[] { TimeSpan.FromDays(400), TimeSpan.FromDays(365) + TimeSpan.FromHours(2), TimeSpan.FromDays(365) - TimeSpan.FromHours(2),
            TimeSpan.FromDays(30) + TimeSpan.FromMinutes(2), TimeSpan.FromDays(30) - TimeSpan.FromMinutes(2), TimeSpan.FromHours(1) };
        var timestamps = ages.Select(age => (Now - age).ToUnixTimeMilliseconds()).ToArray();
        await StoreAsync(timestamps.Select(ts => new PointWrite(null, Series("a"), ts, 1)));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);

        var minuteCutoff = (Now - TimeSpan.FromDays(30)).ToUnixTimeMilliseconds();
        var hourCutoff = (Now - TimeSpan.FromDays(365)).ToUnixTimeMilliseconds();
        var minutes = timestamps.Select(ts => RollupResolution.BucketStart(ts, RollupResolution.MinuteMs)).Distinct().ToArray();
        var hours = timestamps.Select(ts => RollupResolution.BucketStart(ts, RollupResolution.HourMs)).Distinct().ToArray();
        Assert.Equal(minutes.Where(b => b >= minuteCutoff).Order(), StoredBuckets(RollupResolution.MinuteMs));
        Assert.Equal(hours.Where(b => b >= hourCutoff).Order(), StoredBuckets(RollupResolution.HourMs));
        Assert.Equal((4L, 2L), (pruned.MinuteRollups, pruned.HourRollups));
    }

    [Fact]
    public async Task Prune_ManyOldPoints_HandsTheFreedPagesBackSoTheFileShrinks()
    {
        var old = (Now - TimeSpan.FromDays(10)).ToUnixTimeMilliseconds();
        // Enough points that their blocks, not the schema's own pages, make up most of the file.
        await StoreAsync(Enumerable.Range(0, 600_000).Select(i => new PointWrite(null, Series("bulk"), old + i, i)));
        var pagesBefore = Pragma("page_count");

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);

        Assert.Equal(0, pruned.FreePagesLeft);
        Assert.Equal(0, Pragma("freelist_count"));
        Assert.True(Pragma("page_count") < pagesBefore / 2, $"{Pragma("page_count")} pages left of {pagesBefore}");
    }

    [Fact]
    public async Task Prune_ManyOldPointsInTheSameMillisecond_DeletesThemAllThoughAStepCannotSplitThem()
    {
        var old = (Now - TimeSpan.FromDays(10)).ToUnixTimeMilliseconds();
        await StoreAsync(Enumerable.Range(0, 450).Select(i => new PointWrite(null, Series("burst"), old + (i < 300 ? 0 : i), i)));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);

        Assert.Equal(450, pruned.Points);
        Assert.Equal(0, _app.CountPoints());
    }

    [Fact]
    public async Task GetBuckets_WindowsOlderThanRawOrMinuteRetention_AreAnsweredFromTheRollupsThatRemain()
    {
        // One point every 10 minutes for 45 days, then a retention pass: raw points go after 7 days, minutes after 30.
        var start = RollupResolution.BucketStart((Now - TimeSpan.FromDays(45)).ToUnixTimeMilliseconds(), RollupResolution.HourMs);
        var timestamps = Enumerable.Range(0, 45 * 144).Select(i => start + (i * 600_000L)).ToArray();
        await StoreAsync(timestamps.Select(ts => new PointWrite(null, Series("old"), ts, 1)));
        await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);
        var queries = _app.Services.GetRequiredService<SeriesQueryService>();

        async Task<long> CountAsync(DateTimeOffset from, TimeSpan span, long? step) =>
            (await queries.GetBucketsAsync(new SeriesSelector { Model = "asr" }, from.ToUnixTimeMilliseconds(), (from + span).ToUnixTimeMilliseconds(), step, CancellationToken.None))
            .SelectMany(s => s.Buckets).Sum(b => b.Count);
        long Expected(DateTimeOffset from, TimeSpan span) =>
            timestamps.Count(ts => ts >= from.ToUnixTimeMilliseconds() && ts < (from + span).ToUnixTimeMilliseconds());

        // Whole hours 10 days ago (minute rollups only) and 40 days ago (hour rollups only).
        var tenDaysAgo = DateTimeOffset.FromUnixTimeMilliseconds(RollupResolution.BucketStart((Now - TimeSpan.FromDays(10)).ToUnixTimeMilliseconds(), RollupResolution.HourMs));
        var fortyDaysAgo = DateTimeOffset.FromUnixTimeMilliseconds(RollupResolution.BucketStart((Now - TimeSpan.FromDays(40)).ToUnixTimeMilliseconds(), RollupResolution.HourMs));
        Assert.Equal(Expected(tenDaysAgo, TimeSpan.FromHours(6)), await CountAsync(tenDaysAgo, TimeSpan.FromHours(6), null));
        Assert.Equal(Expected(fortyDaysAgo, TimeSpan.FromDays(3)), await CountAsync(fortyDaysAgo, TimeSpan.FromDays(3), RollupResolution.HourMs));
        Assert.Equal(36, Expected(tenDaysAgo, TimeSpan.FromHours(6)));
        Assert.Empty((await StoredPointsAsync(tenDaysAgo.AddHours(6).ToUnixTimeMilliseconds())).SelectMany(s => s.Values));
    }

    /// <summary>Raw points as stored (queries for older windows answer from rollups on purpose; this reads the blocks).</summary>
    private async Task<IReadOnlyList<SeriesPoints>> StoredPointsAsync(long toMs = long.MaxValue) =>
        await _app.Services.GetRequiredService<SeriesQueryService>().GetPointsAsync(SeriesSelector.All, long.MinValue, toMs, CancellationToken.None);

    private long[] StoredBuckets(long resolutionMs) =>
        _app.Query($"SELECT BucketMs FROM Rollups WHERE ResolutionMs = {resolutionMs} ORDER BY BucketMs").Select(v => (long)v!).ToArray();

    private long Pragma(string name) => (long)_app.Query($"PRAGMA {name}").Single()!;
}
