using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage;

public sealed class PointStoreTests : IAsyncDisposable
{
    private static readonly SeriesKey Series = new() { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "latency_ms", Tags = TagJson.Empty };
    private readonly MonitorDashboardFactory _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private PointStore NewStore() => new(_app.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>(), TimeProvider.System,
        _app.Services.GetRequiredService<IOptions<StorageOptions>>(), _app.Services.GetRequiredService<IOptions<RetentionOptions>>());

    [Fact]
    public async Task AppendAsync_PointsOfOneSeriesInTheSameMillisecond_AreAllReadBackInArrivalOrderAlsoAfterARestart()
    {
        var ts = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        using (var first = NewStore())
        {
            await first.AppendAsync([.. Enumerable.Range(0, 3).Select(i => new PointWrite(null, Series, ts, i))], CancellationToken.None);
        }

        // A restarted writer starts a new block: arrival order across blocks still holds.
        using (var restarted = NewStore())
        {
            await restarted.AppendAsync([new PointWrite(null, Series, ts, 3), new PointWrite(null, Series, ts + 1, 4), new PointWrite(null, Series, ts, 5)],
                CancellationToken.None);
        }

        var points = Assert.Single(await ReadAllAsync());
        Assert.Equal([ts, ts, ts, ts, ts, ts + 1], points.TimestampsMs);
        Assert.Equal([0.0, 1, 2, 3, 5, 4], points.Values);
    }

    [Fact]
    public async Task AppendAsync_PointOlderThanTheNewestBlock_IsReadBackInTimeOrder()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var store = NewStore();
        await store.AppendAsync([new PointWrite(null, Series, now - 1_000, 1), new PointWrite(null, Series, now, 2)], CancellationToken.None);
        // Older than the open block's newest point, then older than its hour-window: a block of its own.
        await store.AppendAsync([new PointWrite(null, Series, now - 2_000, 0)], CancellationToken.None);
        await store.AppendAsync([new PointWrite(null, Series, now - (3 * 3_600_000), -1)], CancellationToken.None);
        await store.AppendAsync([new PointWrite(null, Series, now + 1, 3)], CancellationToken.None);

        var points = Assert.Single(await ReadAllAsync());
        Assert.Equal([now - (3 * 3_600_000), now - 2_000, now - 1_000, now, now + 1], points.TimestampsMs);
        Assert.Equal([-1.0, 0, 1, 2, 3], points.Values);
        Assert.Equal(5, _app.CountPoints());
    }

    [Fact]
    public async Task AppendAsync_OpenBlockDeletedByRetentionMeanwhile_OnlyThePointsAppendedSinceAreStored()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var store = NewStore();
        await store.AppendAsync([new PointWrite(null, Series, now - 3, 1), new PointWrite(null, Series, now - 2, 2)], CancellationToken.None);

        // Retention removes the open block's row behind the writer's back; its old points must not come back.
        _app.Execute("DELETE FROM PointBlocks");
        await store.AppendAsync([new PointWrite(null, Series, now - 1, 3), new PointWrite(null, Series, now, 4)], CancellationToken.None);

        var points = Assert.Single(await ReadAllAsync());
        Assert.Equal([now - 1, now], points.TimestampsMs);
        Assert.Equal([3.0, 4], points.Values);
        Assert.Equal(2, _app.CountPoints());
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("ulid")]
    [InlineData("counter")]
    public async Task AppendAsync_RetriedIdsOfAnyShape_AreStoredOnceAlsoByARestartedWriter(string shape)
    {
        var ids = Enumerable.Range(0, 3_000).Select(i => EventIds.Of(shape, i)).ToList();
        var ts = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        PointWrite Write(int i) => new(ids[i], Series, ts + i, i);
        using (var first = NewStore())
        {
            // A duplicate within one commit too.
            var stored = await first.AppendAsync([.. Enumerable.Range(0, 2_000).Select(Write), Write(5)], CancellationToken.None);
            Assert.Equal(2_000, stored.Count(s => s));
            Assert.False(stored[^1]);
        }

        using var restarted = NewStore();
        var retried = await restarted.AppendAsync([.. Enumerable.Range(1_000, 2_000).Select(Write)], CancellationToken.None);

        Assert.Equal(1_000, retried.Count(s => s));
        Assert.All(retried.Take(1_000), s => Assert.False(s));
        Assert.Equal(3_000, _app.CountPoints());
    }

    private async Task<IReadOnlyList<SeriesPoints>> ReadAllAsync() =>
        await _app.Services.GetRequiredService<SeriesQueryService>().GetPointsAsync(SeriesSelector.All, long.MinValue, long.MaxValue, CancellationToken.None);
}
