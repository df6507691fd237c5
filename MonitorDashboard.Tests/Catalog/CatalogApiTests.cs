using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Catalog;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Catalog;

public sealed class CatalogApiTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        object Point(string name, double value, int i) => EventJson.Event(model: "asr", kind: "software", name: name, value: value, ts: now.AddMinutes(-i).ToString("O"));
        (await _client.PostEventsAsync([.. Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            Point("gpu_fan_rpm", 1200, i),            // never varies, nothing reads it: unused
            Point("queue_depth", i % 7, i),            // varies, sent now: informative even though nothing reads it
            Point("latency_ms", 50 + i, i),            // read by canary analysis (and by the alarm rule below)
        })])).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/v1/alarms", new { name = "queue too deep", model = "asr", metric = "queue_depth", aggregation = "max", window = "1m", comparator = ">", threshold = 100 }))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Dictionary<string, JsonElement>> CatalogAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/catalog?model=asr")).EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);

    [Fact]
    public async Task List_ThreeMetrics_MarksTheFlatUnreadOneUnusedAndNamesWhatReadsTheOthers()
    {
        var catalog = await CatalogAsync();

        Assert.True(catalog["gpu_fan_rpm"].GetProperty("unused").GetBoolean());
        Assert.True(catalog["gpu_fan_rpm"].GetProperty("flat").GetBoolean());
        Assert.False(catalog["queue_depth"].GetProperty("unused").GetBoolean());
        Assert.Equal(["queue too deep"], catalog["queue_depth"].GetProperty("alarmRules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(catalog["latency_ms"].GetProperty("usedByCanary").GetBoolean());
        Assert.Equal(20.0 / 30, catalog["gpu_fan_rpm"].GetProperty("pointsPerDay").GetDouble(), 6);
        Assert.Equal(1, catalog["gpu_fan_rpm"].GetProperty("seriesCount").GetInt32());
    }

    [Fact]
    public async Task Archive_UnusedMetric_HiddenFromTheSoftwarePanelsUntilRestored_AndAudited()
    {
        var panels = _app.Services.GetRequiredService<MetricPanelService>();
        var filter = DashboardFilter.Empty with { Model = "asr" };
        async Task<IEnumerable<string>> PanelNamesAsync() =>
            (await panels.LoadAsync("software", filter, DateTimeOffset.UtcNow, CancellationToken.None)).Select(p => p.Definition.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("/api/v1/catalog/asr/gpu_fan_rpm/archive", null)).StatusCode);
        Assert.DoesNotContain("gpu_fan_rpm", await PanelNamesAsync());
        Assert.True((await CatalogAsync())["gpu_fan_rpm"].GetProperty("archived").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("/api/v1/catalog/asr/gpu_fan_rpm/restore", null)).StatusCode);
        Assert.Contains("gpu_fan_rpm", await PanelNamesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/v1/catalog/asr/gpu_fan_rpm/restore", null)).StatusCode);
        var audit = await _app.Services.GetRequiredService<AuditLog>().ListAsync(20);
        Assert.Contains(audit, e => e.Action == "metric.archive" && e.Target == "asr/gpu_fan_rpm");
        Assert.Contains(audit, e => e.Action == "metric.restore" && e.Target == "asr/gpu_fan_rpm");
    }

    [Fact]
    public async Task Archive_MetricAnAlarmRuleReads_409NamingTheRuleAndStillShown()
    {
        var response = await _client.PostAsync("/api/v1/catalog/asr/queue_depth/archive", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("queue too deep", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.False((await CatalogAsync())["queue_depth"].GetProperty("archived").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/v1/catalog/asr/no_such_metric/archive", null)).StatusCode);
    }

    [Fact]
    public async Task List_ChartOpenedTwice_CountsTheOpens_AVaryingMetricNobodyOpensOrReadsIsUnused()
    {
        (await _client.DeleteAsync("/api/v1/alarms/1")).EnsureSuccessStatusCode();
        var recorder = _app.Services.GetRequiredService<ChartOpenRecorder>();
        recorder.Record("asr", ["latency_ms", "gpu_fan_rpm"]);
        recorder.Record("asr", ["gpu_fan_rpm"]);
        await recorder.FlushAsync(CancellationToken.None);

        var catalog = await CatalogAsync();

        Assert.Equal(2, catalog["gpu_fan_rpm"].GetProperty("chartOpens").GetInt64());
        Assert.Equal(1, catalog["latency_ms"].GetProperty("chartOpens").GetInt64());
        Assert.Equal(0, catalog["queue_depth"].GetProperty("chartOpens").GetInt64());
        Assert.True(catalog["queue_depth"].GetProperty("unused").GetBoolean(), "varies, but no rule reads it and no one opened it");
    }

    [Fact]
    public async Task Catalog_ByAViewer_Forbidden()
    {
        var viewer = _app.CreateClientWithKey((await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("v", Roles.Viewer, "test")).Secret);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/catalog?model=asr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/catalog/asr/gpu_fan_rpm/archive", null)).StatusCode);
    }
}
