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
    public async Task AppendAsync_PointsOfOneSeriesInTheSameMillisecond_AreAllStoredAlsoByALaterWriter()
    {
        var ts = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        using (var first = NewStore())
        {
            await first.AppendAsync([.. Enumerable.Range(0, 3).Select(i => new PointWrite(null, Series, ts, i))], CancellationToken.None);
        }

        // A restarted writer does not know the numbers taken: it reads the next one from the table.
        using (var restarted = NewStore())
        {
            await restarted.AppendAsync([new PointWrite(null, Series, ts, 3), new PointWrite(null, Series, ts + 1, 4), new PointWrite(null, Series, ts, 5)],
                CancellationToken.None);
        }

        Assert.Equal([0L, 1, 2, 3, 4], _app.Query($"SELECT Seq FROM Points WHERE TimestampMs = {ts} ORDER BY Seq").Select(v => (long)v!));
        Assert.Equal(15.0, _app.Query("SELECT SUM(Value) FROM Points").Single());
    }
}
