using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Catalog;

public sealed class CatalogDeleteTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-30);
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app.Settings["Cardinality:MaxSeriesPerModel"] = "6";
        _client = _app.CreateClient();
        // Two series of one metric (host a and b), each with 10 points, and a metric an alarm rule reads.
        (await _client.PostAsJsonAsync("/api/v1/events", Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Event("clicks", i, "host", "a", Start.AddSeconds(i)),
            Event("clicks", 100 + i, "host", "b", Start.AddSeconds(i)),
            Event("queue_depth", i, "host", "a", Start.AddSeconds(i)),
        }))).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/v1/alarms", new { name = "queue too deep", model = "asr", metric = "queue_depth", aggregation = "max", window = "1m", comparator = ">", threshold = 100 }))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object> Event(string name, double value, string tagKey, string tagValue, DateTimeOffset ts) => new()
    {
        ["model"] = "asr", ["kind"] = "software", ["name"] = name, ["value"] = value, ["ts"] = ts.ToString("O"),
        ["tags"] = new Dictionary<string, string> { [tagKey] = tagValue },
    };

    private async Task<List<JsonElement>> PointsAsync(string name) =>
        (await _client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/series/points?model=asr&name={name}&from={Uri.EscapeDataString(Start.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}"))
        .EnumerateArray().ToList();

    private static long Count(JsonElement series) => series.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64());

    private static string Host(JsonElement series) => series.GetProperty("series").GetProperty("tags").GetProperty("host").GetString()!;

    private async Task<long> SeriesIdAsync(string name, string host) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/series?model=asr&name={name}")).EnumerateArray()
        .Single(s => s.GetProperty("tags").GetProperty("host").GetString() == host).GetProperty("id").GetInt64();

    [Fact]
    public async Task DeleteSeries_OneOfTwo_ItsPointsAndRollupsGoneFromTheQueryApi_TheOtherKept_Audited()
    {
        var id = await SeriesIdAsync("clicks", "a");

        var response = await _client.DeleteAsync($"/api/v1/catalog/series/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, (await response.ReadJsonAsync()).GetProperty("points").GetInt64());
        var left = Assert.Single(await PointsAsync("clicks"));
        Assert.Equal("b", Host(left));
        Assert.Equal(10, Count(left));
        Assert.Equal(0L, _app.Query($"SELECT count(*) FROM PointBlocks WHERE SeriesId = {id}").Single());
        Assert.Equal(0L, _app.Query($"SELECT count(*) FROM Rollups WHERE SeriesId = {id}").Single());
        Assert.Equal(0L, _app.Query($"SELECT count(*) FROM Series WHERE Id = {id}").Single());
        var audit = await _app.Services.GetRequiredService<AuditLog>().ListAsync(20);
        Assert.Contains(audit, e => e.Action == "series.delete" && e.Target.StartsWith($"asr/clicks series {id}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/v1/catalog/series/{id}")).StatusCode);
    }

    [Fact]
    public async Task DeleteMetric_AnAlarmRuleReadsIt_409NamingTheRule_PointsKept()
    {
        var response = await _client.DeleteAsync("/api/v1/catalog/asr/queue_depth");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("queue too deep", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(10, Count(Assert.Single(await PointsAsync("queue_depth"))));
    }

    [Fact]
    public async Task DeleteMetric_ThenTheSameKeysSendAgain_FreshSeriesHoldOnlyTheNewPoints()
    {
        var oldId = await SeriesIdAsync("clicks", "a");

        var deleted = await (await _client.DeleteAsync("/api/v1/catalog/asr/clicks")).ReadJsonAsync();
        (await _client.PostAsJsonAsync("/api/v1/events", new[] { Event("clicks", 7, "host", "a", Start.AddSeconds(30)) })).EnsureSuccessStatusCode();

        Assert.Equal(2, deleted.GetProperty("series").GetInt32());
        Assert.Equal(20, deleted.GetProperty("points").GetInt64());
        var fresh = Assert.Single(await PointsAsync("clicks"));
        Assert.Equal(1, Count(fresh));
        Assert.NotEqual(oldId, fresh.GetProperty("series").GetProperty("id").GetInt64());
        Assert.Contains(await _app.Services.GetRequiredService<AuditLog>().ListAsync(20), e => e.Action == "metric.delete" && e.Target == "asr/clicks");
    }

    [Fact]
    public async Task DeleteMetric_ModelAtItsSeriesLimit_FreesThePlaces()
    {
        // 3 series stored; 6 allowed per model. Fill the model, then one more is refused.
        var fill = Enumerable.Range(0, 4).Select(i => Event("clicks", 1, "host", $"h{i}", Start)).ToArray();
        var full = await (await _client.PostAsJsonAsync("/api/v1/events", fill)).ReadJsonAsync();
        Assert.Equal(1, full.GetProperty("refused").GetInt32());

        (await _client.DeleteAsync("/api/v1/catalog/asr/clicks")).EnsureSuccessStatusCode();
        var again = await (await _client.PostAsJsonAsync("/api/v1/events", fill)).ReadJsonAsync();

        Assert.Equal(0, again.GetProperty("refused").GetInt32());
        Assert.Equal(4, (await PointsAsync("clicks")).Count);
    }
}
