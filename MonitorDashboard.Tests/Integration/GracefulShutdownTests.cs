using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task StopAsync_WithEventsQueued_DrainsAndStoresEveryQueuedEventThenRefusesNewOnes()
    {
        await using var app = new MonitorDashboardFactory();
        _ = app.Server; // start the host
        var queue = app.Services.GetRequiredService<IngestionQueue>();
        var writer = app.Services.GetRequiredService<GroupCommitWriter>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var batches = Enumerable.Range(0, 20).Select(b => Enumerable.Range(0, 1000)
            .Select(i => new MetricEvent
            {
                Id = $"b{b}-{i}",
                TimestampMs = now,
                Series = new SeriesKey { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = "latency_ms" },
                Value = i,
            }).ToList()).ToList();

        var acknowledged = batches.Select(queue.EnqueueAsync).ToList();
        await writer.StopAsync(CancellationToken.None);

        var results = await Task.WhenAll(acknowledged);
        Assert.All(results, r => Assert.Equal(1000, r.Accepted));
        Assert.Equal(20_000, app.CountPoints());
        await Assert.ThrowsAsync<IngestionRejectedException>(() => queue.EnqueueAsync(batches[0]));
    }
}
