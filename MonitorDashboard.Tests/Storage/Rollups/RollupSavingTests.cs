using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Rollups;

/// <summary>With the production setting, rollups are saved about once per interval, also when ingestion stops.</summary>
public sealed class RollupSavingTests : IAsyncDisposable
{
    private readonly MonitorDashboardFactory _app = new();

    public RollupSavingTests()
    {
        _app.Settings["Storage:RollupFlushIntervalMilliseconds"] = "300";
        _app.Settings["Storage:WriterLockTimeoutSeconds"] = "1";
    }

    private async Task<long> CountLastTwelveHoursAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var series = await _app.Services.GetRequiredService<SeriesQueryService>()
            .GetBucketsAsync(new SeriesSelector { Model = "asr" }, now - (12 * 3_600_000L), now, null, CancellationToken.None);
        return series.SelectMany(s => s.Buckets).Sum(b => b.Count);
    }

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
        // Twelve hours as one bucket is read from minute rollups, except the newest seconds.
        await Eventually.TrueAsync(async () => await CountLastTwelveHoursAsync() == 100,
            TimeSpan.FromSeconds(30), "the idle writer saves the rollups of all 100 points");
        Assert.Equal(2, _app.CountRows("Rollups")); // one minute, one hour
    }

    [Fact]
    public async Task PostEvents_ACommitFailsThenNothingMore_RollupsOfTheEarlierPointsAreStillSaved()
    {
        // Long enough that neither accepted point's rollup is saved before the failure drops them from memory.
        _app.Settings["Storage:RollupFlushIntervalMilliseconds"] = "2000";
        var client = _app.CreateClient();
        var tenMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O");
        for (var post = 0; post < 2; post++)
        {
            (await client.PostEventsAsync(EventJson.Event(value: post, ts: tenMinutesAgo))).EnsureSuccessStatusCode();
        }
        // Their rollups are still in memory when a commit fails (another program holds the write lock).
        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var hold = other.BeginTransaction(deferred: false);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.PostEventsAsync(EventJson.Event(value: 9, ts: tenMinutesAgo))).StatusCode);
        }

        await Eventually.TrueAsync(async () => await CountLastTwelveHoursAsync() == 2 && _app.CountRows("RollupPending") == 0,
            TimeSpan.FromSeconds(10), "the idle writer rolls up the minute the failed transaction left pending");
    }
}
