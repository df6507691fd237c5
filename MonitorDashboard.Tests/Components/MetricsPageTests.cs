using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Alarms;
using MonitorDashboard.Catalog;
using MonitorDashboard.Components.Pages;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Catalog;
using MonitorDashboard.Storage.Deployments;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class MetricsPageTests : DashboardTestContext
{
    private readonly RendererCheckingTime _time;

    public MetricsPageTests()
    {
        _time = new RendererCheckingTime(() => Renderer.Dispatcher.CheckAccess());
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(Options.Create(new StorageOptions()));
        Services.AddSingleton(Options.Create(new RetentionOptions()));
        Services.AddSingleton<PointStore>();
        Services.AddSingleton(new PointReaders(StorageProvider.Sqlite));
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<AlarmNotifier>();
        Services.AddSingleton<AlarmRuleStore>();
        Services.AddSingleton<AlarmStateStore>();
        Services.AddSingleton<DeploymentStore>();
        Services.AddSingleton<MetricPanelService>();
        Services.AddSingleton<AlarmAnnotations>();
        Services.AddSingleton<DeploymentAnnotations>();
        Services.AddSingleton<SqlRunner>();
        Services.AddSingleton<ChartOpenStore>();
        Services.AddSingleton<ChartOpenRecorder>();
        // The page loads its charts only once interactive (not while prerendering); after the services, as it starts the renderer.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private async Task<IRenderedComponent<MetricsPage>> RenderWithOneSeriesAsync()
    {
        var series = new SeriesKey() { Model = "asr", Version = "v1", Stage = "recognizer", Kind = "software", Name = "latency_ms", Tags = TagJson.Empty };
        await Services.GetRequiredService<PointStore>().AppendAsync(
            [new PointWrite(null, series, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), 10)], CancellationToken.None);
        var page = Render<MetricsPage>();
        page.WaitForElement("[data-testid=panel-latency_ms]");
        return page;
    }

    [Fact]
    public async Task MetricsPage_Opened_CountsAChartOpenForEachMetricShown()
    {
        await RenderWithOneSeriesAsync();

        await Services.GetRequiredService<ChartOpenRecorder>().FlushAsync(CancellationToken.None);

        var opens = await Services.GetRequiredService<ChartOpenStore>().CountsAsync("asr", 0, CancellationToken.None);
        Assert.Equal(1, opens.GetValueOrDefault("latency_ms"));
    }

    [Fact]
    public async Task MetricsPage_LivePointsArrive_HandledOnTheRenderer()
    {
        var page = await RenderWithOneSeriesAsync();

        _time.Watching = true;
        Notifier.Publish([new LivePoint() { Model = "asr", Version = "v1", Stage = "recognizer", Kind = "software", Name = "latency_ms", Ts = DateTimeOffset.UtcNow, Value = 12 }]);

        page.WaitForAssertion(() => Assert.Contains("updated", page.Find("[data-testid=last-update]").TextContent));
        Assert.Equal(0, _time.OffRendererReads);
    }

    [Fact]
    public async Task MetricsPage_LiveSwitchOnBeforeAnyPoint_ChipIsOn()
    {
        var page = await RenderWithOneSeriesAsync();

        page.WaitForAssertion(() =>
        {
            Assert.True(page.Find("[data-testid=filter-live]").HasAttribute("checked"), "the switch is on");
            Assert.Contains("mud-chip-color-success", page.Find("[data-testid=live-indicator] .mud-chip").ClassName);
        });
    }

    [Fact]
    public async Task MetricsPage_LiveSwitchedOff_ChipSaysPaused()
    {
        var page = await RenderWithOneSeriesAsync();

        page.Find("[data-testid=filter-live]").Change(false);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Paused", page.Find("[data-testid=live-indicator] .mud-chip").TextContent);
            Assert.DoesNotContain("mud-chip-color-success", page.Find("[data-testid=live-indicator] .mud-chip").ClassName);
        });
    }
}
