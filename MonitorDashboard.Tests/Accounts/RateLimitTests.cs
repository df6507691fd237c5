using System.Net;
using System.Text.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();

    public ValueTask InitializeAsync()
    {
        // A bucket of 3 events and one more event per second: whatever the machine's speed, 10 events in a row overflow it.
        _app.Settings["Auth:IngestEventBurst"] = "3";
        _app.Settings["Auth:IngestEventsPerSecond"] = "1";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> ClientAsync(string name)
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        return _app.CreateClientWithKey((await keys.CreateAsync(name, Roles.Ingest, "test")).Secret);
    }

    [Fact]
    public async Task PostEvents_BurstPastTheLimit_Gets429WithRetryAfterWhileOtherKeysPass()
    {
        var noisy = await ClientAsync("noisy");
        var quiet = await ClientAsync("quiet");

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await noisy.PostEventsAsync(EventJson.Event()));
        }

        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r =>
        {
            Assert.NotNull(r.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.Accepted, (await quiet.PostEventsAsync(EventJson.Event())).StatusCode);
    }

    [Fact]
    public async Task PostEvents_BatchBeyondTheEventBudget_Gets429AndStoresNothing()
    {
        var client = await ClientAsync("batcher");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event(), EventJson.Event(), EventJson.Event())).StatusCode);
        var stored = _app.CountPoints();

        // One request, but three events more than the bucket holds: events are counted, not requests.
        var refused = await client.PostEventsAsync(EventJson.Event(value: 7), EventJson.Event(value: 8), EventJson.Event(value: 9));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(stored, _app.CountPoints());
    }

    [Fact]
    public async Task PostPredictions_BeyondTheEventBudget_Gets429()
    {
        var client = await ClientAsync("shadow");
        var predictions = Enumerable.Range(0, 6).Select(i => new
        {
            id = $"p{i}", model = "asr", stage = "recognizer", input = new { i },
            production = new { output = new { text = "a" }, source = "human" },
            shadow = new { output = new { text = "a" }, version = "v2", confidence = 0.9 },
        }).ToArray();

        var first = await client.PostAsync("/api/v1/predictions", EventJson.Raw(JsonSerializer.Serialize(predictions[..3])));
        var response = await client.PostAsync("/api/v1/predictions", EventJson.Raw(JsonSerializer.Serialize(predictions[3..])));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Usage_OfAKey_CountsAcceptedAndRefusedEvents()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("counted", Roles.Ingest, "test");
        var client = _app.CreateClientWithKey(created.Secret);

        await client.PostEventsAsync(EventJson.Event(), EventJson.Event());
        await client.PostEventsAsync(EventJson.Event(), EventJson.Event(), EventJson.Event());

        var use = _app.Services.GetRequiredService<ApiKeyUsage>().Snapshot(created.Key.Id);
        Assert.Equal((2, 3), (use.EventsLastMinute, use.RefusedLastMinute));
    }
}
