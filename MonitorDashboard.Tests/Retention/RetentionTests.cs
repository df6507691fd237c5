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
        _app.Settings["Auth:IngestRequestsPerSecond"] = "1000000";
        _app.Settings["Auth:IngestBurst"] = "1000000";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static SeriesKey Series(string name) => new("asr", "v1", "asr", "software", name, TagJson.Empty);

    private Task StoreAsync(IEnumerable<PointWrite> points) =>
        _app.Services.GetRequiredService<PointStore>().AppendAsync(points.ToList(), CancellationToken.None);

    [Fact]
    public async Task Prune_PointsAroundTheCutoff_DeletesExactlyThoseOlderThanSevenDays()
    {
        var ages = new[] { TimeSpan.FromDays(30), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(1) };
        await StoreAsync(new[] { "a", "b" }.SelectMany(name => ages.Select((age, i) => new PointWrite(null, Series(name), (Now - age).ToUnixTimeMilliseconds(), i))));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now, CancellationToken.None);

        Assert.Equal(4, pruned.Points); // two per series
        // One-second steps are always read from raw points, never from rollups (which keep older data on purpose).
        var remaining = await _app.Services.GetRequiredService<SeriesQueryService>().GetBucketsAsync(new SeriesFilter(Model: "asr"),
            (Now - TimeSpan.FromDays(60)).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds() + 1, 1_000, CancellationToken.None);
        Assert.All(remaining, s => Assert.Equal([2.0, 3.0], s.Buckets.Select(b => b.Sum))); // values 2 and 3 stay
        Assert.Equal(4, _app.CountRows("Points"));
    }

    [Fact]
    public async Task Prune_EventIdsPastTheirAge_AreForgottenSoARetryStoresAgain()
    {
        var client = _app.CreateClient();
        await client.PostEventsAsync(EventJson.Event(id: "old-1"), EventJson.Event(id: "new-1"));

        var pruned = await _app.Services.GetRequiredService<RetentionService>().PruneAsync(Now + TimeSpan.FromDays(8), CancellationToken.None);

        Assert.Equal(2, pruned.EventIds);
        Assert.Equal(0, _app.CountRows("EventIds"));
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
        Assert.Equal(posts.Count * 10L, _app.CountRows("Points"));
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
        await StoreAsync(Enumerable.Range(0, 60_000).Select(i => new PointWrite(null, Series("bulk"), old + i, i)));
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
        Assert.Equal(0, _app.CountRows("Points"));
    }

    private long[] StoredBuckets(long resolutionMs) =>
        _app.Query($"SELECT BucketMs FROM Rollups WHERE ResolutionMs = {resolutionMs} ORDER BY BucketMs").Select(v => (long)v!).ToArray();

    private long Pragma(string name) => (long)_app.Query($"PRAGMA {name}").Single()!;
}
