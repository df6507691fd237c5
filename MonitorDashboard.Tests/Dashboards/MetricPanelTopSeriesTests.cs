using System.Net.Http.Json;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Dashboards;

public sealed class MetricPanelTopSeriesTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        // gpu_temp split by host into 30 series; host hN sends N + 1 points, so the busiest are h29, h28, ...
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 30).SelectMany(host => Enumerable.Range(0, host + 1).Select(i => new Dictionary<string, object>
        {
            ["model"] = "asr", ["kind"] = "software", ["name"] = "gpu_temp", ["value"] = 60 + host, ["ts"] = now.AddSeconds(-i - 1).ToString("O"),
            ["tags"] = new Dictionary<string, string> { ["host"] = $"h{host}" },
        }));
        (await _app.CreateClient().PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Load_MetricSplitInto30Series_DrawsThe20BusiestAndCountsTheRest()
    {
        var panels = await _app.Services.GetRequiredService<MetricPanelService>()
            .LoadAsync("software", DashboardFilter.Empty with { Model = "asr" }, DateTimeOffset.UtcNow, CancellationToken.None);

        var panel = Assert.Single(panels, p => p.Definition.Name == "gpu_temp");
        Assert.Equal(ChartLines.MaxSeriesPerChart, panel.Series.Count);
        Assert.Equal(10, panel.HiddenSeries);
        Assert.Equal(Enumerable.Range(10, 20).Select(h => $"host=h{h}").Order(),
            panel.Series.Select(s => s.Name[(s.Name.IndexOf('{') + 1)..s.Name.IndexOf('}')]).Order());
    }

    [Fact]
    public async Task FindHidden_ByTagValue_FindsOnlyHiddenSeries_AndAPinnedOneIsDrawnBesidesTheBusiest()
    {
        var service = _app.Services.GetRequiredService<MetricPanelService>();
        var filter = DashboardFilter.Empty with { Model = "asr" };
        var panel = Assert.Single(await service.LoadAsync("software", filter, DateTimeOffset.UtcNow, CancellationToken.None), p => p.Definition.Name == "gpu_temp");

        // h2 is hidden (3 points); h20..h29 are drawn, so "h2" matches only h2 among the hidden.
        var found = Assert.Single(panel.FindHidden("h2"));
        Assert.Equal("h2", found.Tags["host"]);
        Assert.Equal(10, panel.FindHidden(null).Count);

        var pinned = new Dictionary<string, IReadOnlySet<long>> { ["gpu_temp"] = new HashSet<long> { found.Id } };
        var again = Assert.Single(await service.LoadAsync("software", filter, DateTimeOffset.UtcNow, CancellationToken.None, pinned), p => p.Definition.Name == "gpu_temp");

        Assert.Equal(ChartLines.MaxSeriesPerChart + 1, again.Series.Count);
        Assert.Contains(again.Series, s => s.Name.Contains("host=h2}", StringComparison.Ordinal));
        Assert.Equal(9, again.HiddenSeries);
        Assert.Empty(again.FindHidden("h2"));
    }
}
