using System.Net;
using System.Net.Http.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Ingestion;

public sealed class RefusalBackoffTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Cardinality:MaxTagValuesPerKey"] = "10";
        _app.Settings["Cardinality:RefusedEventsBeforeBackoff"] = "100";
        _app.Settings["Cardinality:BackoffWindowSeconds"] = "600";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static IEnumerable<Dictionary<string, object>> Users(int from, int count) => Enumerable.Range(from, count).Select(i => new Dictionary<string, object>
    {
        ["model"] = "asr", ["kind"] = "software", ["name"] = "clicks", ["value"] = 1, ["tags"] = new Dictionary<string, string> { ["user"] = $"u{i}" },
    });

    [Fact]
    public async Task Post_KeyPastItsRefusedEvents_429WithRetryAfterNamingTheSetting_OtherKeysStillStore()
    {
        var first = await (await _client.PostAsJsonAsync("/api/v1/events", Users(0, 200))).ReadJsonAsync();
        Assert.Equal(190, first.GetProperty("refused").GetInt32());

        var backedOff = await _client.PostAsJsonAsync("/api/v1/events", Users(0, 1));

        Assert.Equal(HttpStatusCode.TooManyRequests, backedOff.StatusCode);
        Assert.Equal("application/problem+json", backedOff.Content.Headers.ContentType?.MediaType);
        Assert.InRange(backedOff.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.Contains("Cardinality:RefusedEventsBeforeBackoff", (await backedOff.ReadJsonAsync()).GetProperty("detail").GetString());
        var other = _app.CreateClientWithKey((await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("healthy", Roles.Ingest, "test")).Secret);
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/v1/events", Users(0, 1))).StatusCode);
    }

    [Fact]
    public async Task Post_RefusalsBelowTheThreshold_NoBackoff()
    {
        var first = await (await _client.PostAsJsonAsync("/api/v1/events", Users(0, 60))).ReadJsonAsync();
        Assert.Equal(50, first.GetProperty("refused").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsJsonAsync("/api/v1/events", Users(0, 1))).StatusCode);
    }
}
