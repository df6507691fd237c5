using System.Net;
using System.Net.Http.Json;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class QueryBoundsTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        // Past the default cardinality limits, as a server whose limits were raised, or filled before they existed.
        _app.Settings["Cardinality:MaxTagValuesPerKey"] = "100000";
        _app.Settings["Cardinality:MaxSeriesPerModel"] = "100000";
        _client = _app.CreateClient();
        // The most common instrumentation bug: a user id in a tag, so every event starts a series of its own.
        for (var start = 0; start < 10_000; start += 1_000)
        {
            var batch = Enumerable.Range(start, 1_000).Select(i => new Dictionary<string, object>
            {
                ["model"] = "asr", ["kind"] = "software", ["name"] = "latency_ms", ["value"] = i,
                ["tags"] = new Dictionary<string, string> { ["user"] = $"u{i}" },
            });
            (await _client.PostAsJsonAsync("/api/v1/events", batch)).EnsureSuccessStatusCode();
        }
        (await _client.PostEventsAsync(EventJson.Event(model: "asr", name: "error_rate", value: 0.1))).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Points_QueryMatching10000Series_400NamingTheTagsInsteadOfA10000SeriesBody()
    {
        var response = await _client.GetAsync("/api/v1/series/points?model=asr&name=latency_ms");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("tags")[0].GetString();
        Assert.Contains("10,000 series of one metric, more than 500", error);
    }

    [Fact]
    public async Task Points_QueryWithoutAName_400SuggestsTheFiltersLeftOpen()
    {
        var response = await _client.GetAsync("/api/v1/series/points?model=asr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("narrow it with name, stage, version, kind",
            (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Points_NarrowQueryBesideTheFlood_StillAnswered()
    {
        var response = await _client.GetAsync("/api/v1/series/points?model=asr&name=error_rate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetArrayLength());
    }
}
