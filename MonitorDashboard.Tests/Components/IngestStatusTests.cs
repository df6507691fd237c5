using Bunit;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class IngestStatusTests : DashboardTestContext
{
    [Fact]
    public void IngestStatus_Stats_ShowsEachCounterWithItsUnit()
    {
        var stats = new IngestStats(Accepted: 12345, Duplicates: 7, RejectedRequests: 2, RejectedEvents: 3, QueuedEvents: 40, Commits: 9, FailedCommits: 1, LastCommitMilliseconds: 3.26);

        var tiles = Render<IngestStatus>(p => p.Add(c => c.Stats, stats));

        Assert.Equal("12,345 events", tiles.Find("[data-testid=stat-accepted]").TextContent.Trim());
        Assert.Equal("40 events", tiles.Find("[data-testid=stat-queue]").TextContent.Trim());
        Assert.Equal("9 1 failed", tiles.Find("[data-testid=stat-commits]").TextContent.Trim());
        Assert.Equal("3.3 ms", tiles.Find("[data-testid=stat-commit-ms]").TextContent.Trim());
    }
}
