using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class IngestionApiTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task PostEvents_ValidBatch_Returns202AndPointsAreQueryable()
    {
        var now = DateTimeOffset.UtcNow;
        var response = await _client.PostEventsAsync(
            EventJson.Event(value: 10, ts: now.AddSeconds(-3).ToString("O"), version: "v2", stage: "recognizer"),
            EventJson.Event(value: 20, ts: now.AddSeconds(-2).ToString("O"), version: "v2", stage: "recognizer"),
            EventJson.Event(value: 30, ts: now.AddSeconds(-1).ToString("O"), version: "v2", stage: "recognizer"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());

        var from = Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"));
        var points = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model=asr&version=v2&stage=recognizer&name=latency_ms&from={from}");
        var series = Assert.Single(points.EnumerateArray());
        var bucket = Assert.Single(series.GetProperty("buckets").EnumerateArray());
        Assert.Equal(3, bucket.GetProperty("count").GetInt64());
        Assert.Equal(60, bucket.GetProperty("sum").GetDouble());
        Assert.Equal(20, bucket.GetProperty("p50").GetDouble());
        Assert.Equal("software", series.GetProperty("series").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task PostEvents_SingleObjectWithoutVersionOrStage_StoresDefaults()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/events", EventJson.Event(model: "vad", kind: "input", name: "input_length"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var series = Assert.Single((await _client.GetFromJsonAsync<JsonElement>("/api/v1/series")).EnumerateArray());
        Assert.Equal("unversioned", series.GetProperty("version").GetString());
        Assert.Equal("vad", series.GetProperty("stage").GetString());
        Assert.Equal("input", series.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task PostEvents_SameIdsPostedTwice_SecondTimeCountedAsDuplicatesAndNotStored()
    {
        object[] batch = [EventJson.Event(id: "a-1", value: 1), EventJson.Event(id: "a-2", value: 2), EventJson.Event(value: 3)];
        var first = await (await _client.PostEventsAsync(batch)).ReadJsonAsync();
        var retry = await _client.PostEventsAsync(batch);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var second = await retry.ReadJsonAsync();
        Assert.Equal(3, first.GetProperty("accepted").GetInt32());
        Assert.Equal(1, second.GetProperty("accepted").GetInt32()); // the event without an id is new each time
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(4, _factory.CountPoints());
    }

    [Fact]
    public async Task PostEvents_RepeatedIdWithinOneBatch_StoredOnce()
    {
        var response = await _client.PostEventsAsync(EventJson.Event(id: "same", value: 1), EventJson.Event(id: "same", value: 2));

        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, _factory.CountPoints());
    }

    [Fact]
    public async Task PostEvents_ConcurrentClients_EveryRequestAnsweredAndEveryEventStored()
    {
        var tasks = Enumerable.Range(0, 20).Select(client => _client.PostEventsAsync(
            Enumerable.Range(0, 50).Select(i => EventJson.Event(id: $"c{client}-{i}", name: $"m{client}")).ToArray()));
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1000, _factory.CountPoints());
        Assert.Equal(20, _factory.CountRows("Series"));
    }

    [Fact]
    public async Task IngestStats_AfterAcceptedAndRejectedRequests_CountsBoth()
    {
        await _client.PostEventsAsync(EventJson.Event(), EventJson.Event());
        await _client.PostRawAsync("[{\"model\":\"asr\"}]");

        var stats = await _client.GetFromJsonAsync<JsonElement>("/api/v1/ingest/stats");
        Assert.Equal(2, stats.GetProperty("accepted").GetInt64());
        Assert.Equal(1, stats.GetProperty("rejectedRequests").GetInt64());
        Assert.Equal(0, stats.GetProperty("queuedEvents").GetInt64());
    }
}
