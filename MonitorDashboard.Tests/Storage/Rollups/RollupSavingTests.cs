using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Rollups;

/// <summary>With the production setting, rollups are saved about once per interval, also when ingestion stops.</summary>
public sealed class RollupSavingTests : IAsyncDisposable
{
    private readonly MonitorDashboardFactory _app = new();

    public RollupSavingTests() => _app.Settings["Storage:RollupFlushIntervalMilliseconds"] = "300";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostEvents_ThenNothingMore_RollupsAreSavedAndLongRangesCountThem()
    {
        var client = _app.CreateClient();
        var tenMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O");
        // The first commit saves (the interval has passed since start); the second, right after, leaves its rollups in memory.
        for (var post = 0; post < 2; post++)
        {
            (await client.PostEventsAsync(Enumerable.Range(0, 50).Select(i => EventJson.Event(value: i, ts: tenMinutesAgo)).ToArray())).EnsureSuccessStatusCode();
        }
        var queries = _app.Services.GetRequiredService<SeriesQueryService>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // Twelve hours as one bucket is read from minute rollups, except the newest seconds.
        await Eventually.TrueAsync(async () =>
        {
            var series = await queries.GetBucketsAsync(new SeriesFilter(Model: "asr"), now - (12 * 3_600_000L), now, null, CancellationToken.None);
            return series.SelectMany(s => s.Buckets).Sum(b => b.Count) == 100;
        }, TimeSpan.FromSeconds(10), "the idle writer saves the rollups of all 100 points");
        Assert.Equal(2, _app.CountRows("Rollups")); // one minute, one hour
    }
}
