using Bunit;
using MonitorDashboard.Components.Pages;
using MonitorDashboard.Live;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class SeriesListTests : DashboardTestContext
{
    [Fact]
    public void SeriesList_NoData_ShowsEmptyStateWithCurlExample()
    {
        var page = Render<SeriesList>();

        page.WaitForAssertion(() =>
        {
            var empty = page.Find("[data-testid=empty-state]");
            Assert.Contains("curl -X POST", empty.TextContent);
            Assert.Contains("/api/v1/events", empty.TextContent);
        });
    }

    [Fact]
    public void SeriesList_LivePointPublished_ShowsItsSeriesAndValue()
    {
        var page = Render<SeriesList>();
        page.WaitForElement("[data-testid=empty-state]");

        Notifier.Publish([new LivePoint() { Model = "asr", Version = "v2", Stage = "recognizer", Kind = "software", Name = "latency_ms", Ts = DateTimeOffset.UtcNow, Value = 123.4 }]);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("latency_ms", page.Find("[data-testid=series-name]").TextContent);
            Assert.Equal("123.4", page.Find("[data-testid=series-value]").TextContent);
            Assert.Contains("updated", page.Find("[data-testid=last-update]").TextContent);
        });
    }

    [Fact]
    public void SeriesList_ThousandsOfSeries_RendersOnePageOf100RowsWithAPager()
    {
        var page = Render<SeriesList>();
        page.WaitForElement("[data-testid=empty-state]");

        Notifier.Publish([.. Enumerable.Range(0, 2_500).Select(i => new LivePoint
        {
            Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = $"m{i:0000}", Ts = DateTimeOffset.UtcNow, Value = i,
        })]);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("2500 series", page.Find("[data-testid=series-table]").TextContent);
            Assert.Equal(100, page.FindAll("[data-testid=series-name]").Count);
            Assert.NotEmpty(page.FindAll(".mud-table-pagination"));
        });
    }

    [Fact]
    public async Task SeriesList_Disposed_UnsubscribesFromTheNotifier()
    {
        Render<SeriesList>();
        Assert.Equal(1, Notifier.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Notifier.SubscriberCount);
    }
}
