using System.Net;
using MonitorDashboard.Drift;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Drift;

/// <summary><c>GET /api/v1/drift</c> and the drift monitor over posted data: score, threshold, decision, histograms; bad queries named.</summary>
public sealed class DriftApiTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private static readonly DateTimeOffset ReferenceStart = DateTimeOffset.UtcNow.AddHours(-3);
    private static readonly DateTimeOffset CurrentStart = DateTimeOffset.UtcNow.AddHours(-1);
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Normal input lengths (mean <paramref name="mean"/>, sd 1) spread over 30 minutes from <paramref name="start"/>.</summary>
    private async Task PostLengthsAsync(string model, DateTimeOffset start, double mean, int count, int seed)
    {
        var random = new Random(seed);
        var events = Enumerable.Range(0, count).Select(i =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return EventJson.Event("input_length", mean + normal, model, kind: "input", stage: "vad", version: "v1",
                ts: start.AddSeconds(i * 1800.0 / count).ToString("O"));
        }).ToArray();
        (await _client.PostEventsAsync(events)).EnsureSuccessStatusCode();
    }

    private static string Window(string model, DateTimeOffset start) =>
        $"/api/v1/drift?model={model}&stage=vad&version=v1&kind=input&name=input_length&from={Uri.EscapeDataString(start.ToString("O"))}" +
        $"&to={Uri.EscapeDataString(start.AddMinutes(30).ToString("O"))}&reference=pinned" +
        $"&referenceFrom={Uri.EscapeDataString(ReferenceStart.ToString("O"))}&referenceTo={Uri.EscapeDataString(ReferenceStart.AddMinutes(30).ToString("O"))}";

    [Fact]
    public async Task Drift_HalfSigmaShift_IsDriftedWithScoreAboveOneAndBothHistograms()
    {
        await PostLengthsAsync("drift-shift", ReferenceStart, 4, 500, seed: 1);
        await PostLengthsAsync("drift-shift", CurrentStart, 4.5, 500, seed: 2);

        var report = await (await _client.GetAsync(Window("drift-shift", CurrentStart))).ReadJsonAsync();

        Assert.True(report.GetProperty("drifted").GetBoolean());
        Assert.Equal(500, report.GetProperty("n").GetInt32());
        Assert.Equal(500, report.GetProperty("referenceN").GetInt32());
        var ks = report.GetProperty("ks").GetDouble();
        var threshold = report.GetProperty("threshold").GetDouble();
        Assert.True(ks > threshold, $"KS {ks} should exceed {threshold}");
        Assert.InRange(threshold, 0.09, 0.11); // 1.63 * sqrt(2/500) = 0.103 at alpha 0.01
        Assert.True(report.GetProperty("pValue").GetDouble() < 0.01);
        Assert.True(report.GetProperty("psi").GetDouble() > 0);
        var histogram = report.GetProperty("histogram");
        Assert.Equal(histogram.GetProperty("referenceShares").GetArrayLength(), histogram.GetProperty("currentShares").GetArrayLength());
        Assert.Equal(1.0, histogram.GetProperty("currentShares").EnumerateArray().Sum(v => v.GetDouble()), 6);
    }

    [Fact]
    public async Task Drift_SameDistribution_IsNotDrifted()
    {
        await PostLengthsAsync("drift-same", ReferenceStart, 4, 500, seed: 3);
        await PostLengthsAsync("drift-same", CurrentStart, 4, 500, seed: 4);

        var report = await (await _client.GetAsync(Window("drift-same", CurrentStart))).ReadJsonAsync();

        Assert.False(report.GetProperty("drifted").GetBoolean());
        Assert.True(report.GetProperty("score").GetDouble() < 1);
    }

    [Theory]
    [InlineData("/api/v1/drift?name=input_length", "model")]
    [InlineData("/api/v1/drift?model=asr", "name")]
    [InlineData("/api/v1/drift?model=asr&name=x&kind=inputs", "kind")]
    [InlineData("/api/v1/drift?model=asr&name=x&reference=yesterday", "reference")]
    [InlineData("/api/v1/drift?model=asr&name=x&reference=pinned&referenceTo=2026-11-01T00:00:00Z", "referenceFrom")]
    [InlineData("/api/v1/drift?model=asr&name=x&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("/api/v1/drift?model=asr&name=x&to=yesterday", "to")]
    public async Task Drift_BadQuery_Is400NamingTheField(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task Monitor_ShiftedLastMinutes_StoresADriftScoreAboveOneAsAMetric()
    {
        var now = DateTimeOffset.UtcNow;
        await PostLengthsAsync("drift-monitor", now.AddMinutes(-65), 4, 600, seed: 5);
        var random = new Random(6);
        (await _client.PostEventsAsync(Enumerable.Range(0, 200).Select(i => EventJson.Event("input_length", 6 + random.NextDouble(), "drift-monitor",
            kind: "input", stage: "vad", version: "v1", ts: now.AddSeconds(-250 + i).ToString("O"))).ToArray())).EnsureSuccessStatusCode();

        await app.Services.GetRequiredService<DriftMonitorService>().RunCycleAsync(now, CancellationToken.None);

        var queries = app.Services.GetRequiredService<SeriesQueryService>();
        var score = Assert.Single(await queries.GetLatestAsync(new SeriesSelector { Model = "drift-monitor", Name = DriftWire.ScoreMetric("input_length") }, CancellationToken.None));
        Assert.Equal("input", score.Series.Kind);
        Assert.True(score.Value > 1, $"score {score.Value}");
        // Scores are not themselves scored again.
        await app.Services.GetRequiredService<DriftMonitorService>().RunCycleAsync(now.AddSeconds(1), CancellationToken.None);
        Assert.Empty(await queries.ListSeriesAsync(new SeriesSelector { Model = "drift-monitor", Name = "drift_drift_input_length" }, CancellationToken.None));
    }
}
