using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class QueryApiTests : IAsyncLifetime
{
    // An hour ago on a whole minute: inside raw retention (7 days) whatever the day the tests run, so percentiles are exact.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(
        (DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() / 60_000) * 60_000);
    private readonly MonitorDashboardFactory _factory = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        // asr/v1: values 1..100 in the first minute, 1000 in the second; vad/v1: one point
        var events = Enumerable.Range(1, 100)
            .Select(i => EventJson.Event(value: i, version: "v1", ts: Start.AddMilliseconds(i * 500).ToString("O")))
            .Append(EventJson.Event(value: 1000, version: "v1", ts: Start.AddSeconds(70).ToString("O")))
            .Append(EventJson.Event(model: "vad", value: 5, version: "v1", ts: Start.AddSeconds(1).ToString("O")))
            .ToArray();
        (await _client.PostEventsAsync(events)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Range(string step = "") =>
        $"from={Uri.EscapeDataString(Start.ToString("O"))}&to={Uri.EscapeDataString(Start.AddMinutes(5).ToString("O"))}{step}";

    [Fact]
    public async Task GetPoints_WithStep_ReturnsOneBucketPerStepWithStatistics()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model=asr&name=latency_ms&{Range("&step=1m")}");

        var buckets = Assert.Single(result.EnumerateArray()).GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(2, buckets.Count);
        Assert.Equal(Start, buckets[0].GetProperty("ts").GetDateTimeOffset());
        Assert.Equal(100, buckets[0].GetProperty("count").GetInt64());
        Assert.Equal(1, buckets[0].GetProperty("min").GetDouble());
        Assert.Equal(100, buckets[0].GetProperty("max").GetDouble());
        Assert.Equal(50.5, buckets[0].GetProperty("avg").GetDouble());
        Assert.Equal(95.05, buckets[0].GetProperty("p95").GetDouble(), 6);
        Assert.Equal(1000, buckets[1].GetProperty("p99").GetDouble());
    }

    [Fact]
    public async Task GetPoints_WithoutStep_ReturnsOneBucketOverTheRange()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model=asr&{Range()}");

        var bucket = Assert.Single(Assert.Single(result.EnumerateArray()).GetProperty("buckets").EnumerateArray());
        Assert.Equal(101, bucket.GetProperty("count").GetInt64());
        Assert.Equal(5050 + 1000, bucket.GetProperty("sum").GetDouble());
    }

    [Fact]
    public async Task ListSeries_FilteredByModel_ReturnsOnlyThatModel()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>("/api/v1/series?model=vad");

        Assert.Equal("vad", Assert.Single(result.EnumerateArray()).GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("/api/v1/series/points?step=fast", "step")]
    [InlineData("/api/v1/series/points?from=tomorrow", "from")]
    [InlineData("/api/v1/series/points?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/v1/series/points?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1ms", "step")]
    [InlineData("/api/v1/series?kind=hardware", "kind")]
    public async Task Query_BadParameter_Returns400ProblemNamingIt(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
