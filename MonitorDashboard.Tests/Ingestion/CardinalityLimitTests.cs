using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Ingestion.Cardinality;
using MonitorDashboard.Tests.Support;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace MonitorDashboard.Tests.Ingestion;

public sealed class CardinalityLimitTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Cardinality:MaxSeriesPerModel"] = "5000";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object> Event(string name, double value, string tagKey, string tagValue) => new()
    {
        ["model"] = "asr", ["kind"] = "software", ["name"] = name, ["value"] = value, ["tags"] = new Dictionary<string, string> { [tagKey] = tagValue },
    };

    private int SeriesCount(string namePattern) => Convert.ToInt32(_app.Query($"SELECT COUNT(*) FROM Series WHERE Model = 'asr' AND Name LIKE '{namePattern}'").Single());

    [Fact]
    public async Task Post_20000NewSeriesAgainstAPerModelLimitOf5000_Exactly5000ExistRefusalsNamedAndCounted_ExistingSeriesKeepFlowing()
    {
        var refused = 0;
        JsonElement? firstRefusals = null;
        for (var start = 0; start < 20_000; start += 1_000)
        {
            // A metric name per request (a common bug), beside a point of one healthy series in every batch.
            var batch = Enumerable.Range(start, 1_000).Select(i => Event($"request_{i}", 1, "region", "eu")).Prepend(Event("latency_ms", 60, "region", "eu"));
            var response = await _client.PostAsJsonAsync("/api/v1/events", batch);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.ReadJsonAsync();
            refused += body.GetProperty("refused").GetInt32();
            if (body.GetProperty("refused").GetInt32() > 0)
            {
                firstRefusals ??= body.GetProperty("refusals");
            }
        }

        // Contract: the request gets its 202; what fits is stored, what would cross the limit is refused and counted.
        // Besides the 5,000: the server's own cardinality_refused series, which alarm rules watch.
        Assert.Equal(5_001, SeriesCount("%"));
        Assert.Equal(1, SeriesCount(CardinalityVerdict.RefusedMetric));
        Assert.Equal(4_999, SeriesCount("request_%"));
        Assert.Equal(20_000 - 4_999, refused);
        var reason = firstRefusals!.Value.EnumerateObject().First().Value[0].GetString();
        Assert.Contains("of model asr, over Cardinality:MaxSeriesPerModel (5,000)", reason);
        Assert.Contains(_app.Services.GetRequiredService<CardinalityGuard>().Refusals,
            r => r.Model == "asr" && r.Limit == "series per model" && r.Events == 20_000 - 4_999);
        // The healthy series got every one of its 20 points, refusals or not.
        var points = await _client.GetFromJsonAsync<JsonElement>("/api/v1/series/points?model=asr&name=latency_ms&from=2000-01-01T00:00:00Z&step=1d");
        Assert.Equal(20, points[0].GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task Post_UserIdInATag_RefusedAtTheTagValueLimitNamingTheKey_AndAnAlarmableMetricIsWritten()
    {
        var refused = 0;
        JsonElement? refusals = null;
        for (var start = 0; start < 1_500; start += 500)
        {
            var body = await (await _client.PostAsJsonAsync("/api/v1/events", Enumerable.Range(start, 500).Select(i => Event("clicks", 1, "user", $"u{i}")))).ReadJsonAsync();
            refused += body.GetProperty("refused").GetInt32();
            refusals ??= body.GetProperty("refused").GetInt32() > 0 ? body.GetProperty("refusals") : null;
        }

        Assert.Equal(1_000, SeriesCount("clicks"));
        Assert.Equal(500, refused);
        Assert.Contains(refusals!.Value.EnumerateObject(), e => e.Name.EndsWith(".tags.user", StringComparison.Ordinal)
            && e.Value[0].GetString()!.Contains("Cardinality:MaxTagValuesPerKey (1,000)", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () =>
            (await _client.GetFromJsonAsync<JsonElement>("/api/v1/series?model=asr&name=cardinality_refused")).GetArrayLength() == 1,
            TimeSpan.FromSeconds(10), "the refusal is stored as the cardinality_refused metric");
    }

    [Fact]
    public async Task OtlpExport_GaugePointsWithAUserIdAttribute_PastTheTagLimitRefusedInPartialSuccessTheRestStored()
    {
        var now = DateTimeOffset.UtcNow;
        var points = Enumerable.Range(0, 1_200).Select(i =>
        {
            var point = OtlpRequests.Number(i, now);
            point.Attributes.Add(OtlpRequests.Attribute("user", $"u{i}"));
            return point;
        }).ToArray();

        var response = await _client.PostOtlpAsync(OtlpRequests.Export("asr", OtlpRequests.Gauge("queue.depth", points)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, answer.PartialSuccess.RejectedDataPoints);
        Assert.Contains("Cardinality:MaxTagValuesPerKey", answer.PartialSuccess.ErrorMessage);
        Assert.Equal(1_000, SeriesCount("queue%depth"));
    }
}
