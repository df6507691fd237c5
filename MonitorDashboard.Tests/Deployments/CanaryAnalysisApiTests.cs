using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

/// <summary>The canary analysis over the real API: posted deployments and metrics in, a recommendation with its numbers out.</summary>
public sealed class CanaryAnalysisApiTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<long> StartCanaryAsync(string model)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/deployments",
            new { model, stage = "asr", version = "v2", baselineVersion = "v1", strategy = "canary", trafficPercent = 5 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Log-normal latencies (median <paramref name="median"/>, sigma 0.3) for one version, posted after the deployment started.</summary>
    private async Task PostLatenciesAsync(string model, string version, double median, int count, int seed)
    {
        var random = new Random(seed);
        var events = Enumerable.Range(0, count).Select(_ =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return EventJson.Event("latency_ms", median * Math.Exp(0.3 * normal), model, stage: "asr", version: version);
        }).ToArray();
        (await _client.PostEventsAsync(events)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Analysis_CandidateLatency1Point3xWorse_RecommendsRollbackWithTheNumbers()
    {
        var id = await StartCanaryAsync("canary-worse");
        await PostLatenciesAsync("canary-worse", "v1", 100, 300, seed: 1);
        await PostLatenciesAsync("canary-worse", "v2", 130, 300, seed: 2);

        var analysis = await (await _client.GetAsync($"/api/v1/deployments/{id}/analysis")).ReadJsonAsync();

        Assert.Equal("rollback", analysis.GetProperty("recommendation").GetString());
        Assert.Contains("latency_ms", analysis.GetProperty("reason").GetString());
        var latency = analysis.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "latency_ms");
        Assert.Equal("worse", latency.GetProperty("verdict").GetString());
        Assert.Equal(300, latency.GetProperty("baselineN").GetInt64());
        Assert.Equal(300, latency.GetProperty("candidateN").GetInt64());
        var effect = latency.GetProperty("effect").GetDouble();
        var interval = latency.GetProperty("interval").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(effect, 20, 40); // about 30 ms on a 100 ms median
        Assert.True(interval[0] < effect && effect < interval[1], $"{effect} outside [{interval[0]}, {interval[1]}]");
    }

    [Fact]
    public async Task Analysis_SameLatencyAndFewPoints_HoldsForLackOfData()
    {
        var id = await StartCanaryAsync("canary-sparse");
        await PostLatenciesAsync("canary-sparse", "v1", 100, 5, seed: 3);
        await PostLatenciesAsync("canary-sparse", "v2", 100, 5, seed: 4);

        var analysis = await (await _client.GetAsync($"/api/v1/deployments/{id}/analysis")).ReadJsonAsync();

        Assert.Equal("hold", analysis.GetProperty("recommendation").GetString());
        Assert.Contains("not enough data", analysis.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        var latency = analysis.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "latency_ms");
        Assert.Equal("nodata", latency.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, latency.GetProperty("effect").ValueKind);
    }

    [Fact]
    public async Task Analysis_UnknownDeployment_Is404ProblemJson()
    {
        var response = await _client.GetAsync("/api/v1/deployments/987654/analysis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Monitor_WorseCanary_StoresCanaryVerdictTwoForTheCandidate()
    {
        await StartCanaryAsync("canary-metric");
        await PostLatenciesAsync("canary-metric", "v1", 100, 300, seed: 5);
        await PostLatenciesAsync("canary-metric", "v2", 160, 300, seed: 6);

        await app.Services.GetRequiredService<CanaryMonitorService>().RunCycleAsync(CancellationToken.None);

        var queries = app.Services.GetRequiredService<SeriesQueryService>();
        var stored = await queries.GetLatestAsync(new SeriesSelector { Model = "canary-metric", Name = CanaryMonitorService.VerdictMetric }, CancellationToken.None);
        var verdict = Assert.Single(stored);
        Assert.Equal("v2", verdict.Series.Version);
        Assert.Equal(2, verdict.Value);
    }

    [Fact]
    public async Task Markers_DeploymentAndRampPosted_AppearOnTheChartsOfThatModelAndStage()
    {
        var id = await StartCanaryAsync("canary-markers");
        (await _client.PostAsJsonAsync($"/api/v1/deployments/{id}/traffic", new { trafficPercent = 25, note = "looks fine" })).EnsureSuccessStatusCode();
        var markers = app.Services.GetRequiredService<DeploymentAnnotations>();
        var now = DateTimeOffset.UtcNow;

        var onAsr = await markers.ForPageAsync(new DashboardFilter("canary-markers", "asr", [], TimeRange.Default, true), now.AddHours(-1), now.AddMinutes(1), CancellationToken.None);
        var onOtherStage = await markers.ForPageAsync(new DashboardFilter("canary-markers", "vad", [], TimeRange.Default, true), now.AddHours(-1), now.AddMinutes(1), CancellationToken.None);

        Assert.Equal(["v2 canary 5%", "v2 25%"], onAsr.Select(m => m.Label));
        Assert.All(onAsr, m => Assert.Equal("marker", m.Kind));
        Assert.Contains("traffic to 25% by key:", onAsr[1].Detail);
        Assert.Contains("looks fine", onAsr[1].Detail);
        Assert.Empty(onOtherStage);
    }
}
