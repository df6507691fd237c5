using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage;

public sealed class BoundedWriterMemoryTests : IAsyncDisposable
{
    private const int Cap = 100;
    private readonly MonitorDashboardFactory _app = new();

    public BoundedWriterMemoryTests()
    {
        _app.Settings["Storage:MaxCachedSeriesIds"] = Cap.ToString();
        _app.Settings["Storage:MaxRollupSeries"] = Cap.ToString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static PointWrite Point(int series, long ts) =>
        new(null, new SeriesKey { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "clicks", Tags = $"{{\"user\":\"u{series}\"}}" }, ts, series);

    [Fact]
    public async Task AppendAsync_TenTimesMoreSeriesThanTheCap_IdMapNeverExceedsIt_EvictedSeriesAreFoundAgainNotDuplicated()
    {
        var store = Assert.IsType<PointStore>(await _app.StartedPointStoreAsync());
        var ts = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        var peak = 0;

        for (var batch = 0; batch < 10; batch++)
        {
            await store.AppendAsync([.. Enumerable.Range(batch * Cap, Cap).Select(i => Point(i, ts))], CancellationToken.None);
            peak = Math.Max(peak, store.CachedSeriesIds);
        }
        // The first series were evicted long ago: their ids are read back from the Series table.
        await store.AppendAsync([.. Enumerable.Range(0, Cap).Select(i => Point(i, ts + 1))], CancellationToken.None);

        Assert.InRange(peak, 1, Cap);
        Assert.InRange(store.CachedSeriesIds, 1, Cap);
        Assert.Equal(10L * Cap, _app.Query("SELECT count(*) FROM Series").Single());
        Assert.Equal(11L * Cap, _app.CountPoints());
        Assert.Equal(2L, _app.Query("SELECT sum(Count) FROM PointBlocks b JOIN Series s ON s.Id = b.SeriesId WHERE s.Tags = '{\"user\":\"u0\"}'").Single());
    }
}
