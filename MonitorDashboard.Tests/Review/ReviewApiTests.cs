using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Review;

public sealed class ReviewApiTests : IAsyncLifetime
{
    private readonly FakeClockFactory _app = new();
    private HttpClient _ingest = null!;

    /// <summary>The app on a fake clock, so lease expiry is driven by the test instead of waited for.</summary>
    private sealed class FakeClockFactory : MonitorDashboardFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public ValueTask InitializeAsync()
    {
        _ingest = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Prediction(string id, string production, string shadow, double confidence = 0.9, string model = "asr") => new
    {
        id, model, stage = "recognizer", input = new { audio = $"https://audio.example/{id}.wav" },
        production = new { output = new { text = production }, source = "human" },
        shadow = new { output = new { text = shadow }, version = "v2", confidence },
    };

    private async Task<HttpClient> ReviewerAsync(string name) =>
        _app.CreateClientWithKey((await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, Roles.Reviewer, "test")).Secret);

    private async Task PostDisagreementsAsync(int count)
    {
        for (var start = 0; start < count; start += 250)
        {
            var batch = Enumerable.Range(start, Math.Min(250, count - start)).Select(i => Prediction($"p{i}", "yes", "no", confidence: (i % 100) / 100.0)).ToArray();
            (await _ingest.PostAsJsonAsync("/api/v1/predictions", batch)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task PostPredictions_MixedBatch_CountsDisagreementsAndDuplicatesAndFeedsTheAgreementMetric()
    {
        object[] batch = [Prediction("a", "hello", "hello"), Prediction("b", "hello", "goodbye"), Prediction("c", "x", "y")];

        var first = await (await _ingest.PostAsJsonAsync("/api/v1/predictions", batch)).ReadJsonAsync();
        var retry = await _ingest.PostAsJsonAsync("/api/v1/predictions", batch);

        Assert.Equal((3, 0, 2), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("disagreements").GetInt32()));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(3, (await retry.ReadJsonAsync()).GetProperty("duplicates").GetInt32());
        Assert.Equal(3, _app.CountRows("Predictions"));
        await Eventually.TrueAsync(async () => (await _ingest.GetFromJsonAsync<JsonElement>("/api/v1/series?name=shadow_agreement")).GetArrayLength() == 1,
            TimeSpan.FromSeconds(5), "the agreement metric is stored");
    }

    [Theory]
    [InlineData("""[{"model":"asr","input":1,"production":{"output":1,"source":"human"},"shadow":{"output":1,"version":"v2"}}]""", "[0].id")]
    [InlineData("""[{"id":"x","model":"asr","input":1,"production":{"output":1,"source":"robot"},"shadow":{"output":1,"version":"v2"}}]""", "[0].production.source")]
    [InlineData("""[{"id":"x","model":"asr","input":1,"production":{"output":1,"source":"human"},"shadow":{"output":1,"version":"v2","confidence":1.5}}]""", "[0].shadow.confidence")]
    [InlineData("""[{"id":"x","model":"asr","production":{"output":1,"source":"human"},"shadow":{"output":1,"version":"v2"}}]""", "[0].input")]
    [InlineData("""[{"id":"x","model":"asr","input":1,"production":{"output":1,"source":"human"},"shadow":{"output":1}}]""", "[0].shadow.version")]
    [InlineData("""{"id":"x"...""", "body")]
    public async Task PostPredictions_BadInput_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await _ingest.PostRawToAsync("/api/v1/predictions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, _app.CountRows("Predictions"));
    }

    [Fact]
    public async Task TwentyReviewers_ClaimAndLabelFiveHundredConcurrently_EveryItemLabelledExactlyOnce()
    {
        await PostDisagreementsAsync(500);
        var labelledBy = new ConcurrentDictionary<long, string>();
        var doubleClaims = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async r =>
        {
            var client = await ReviewerAsync($"reviewer-{r}");
            while (true)
            {
                var claim = await client.PostAsJsonAsync("/api/v1/review/claim", new { });
                if (claim.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
                var id = (await claim.ReadJsonAsync()).GetProperty("id").GetInt64();
                var label = await client.PostAsJsonAsync($"/api/v1/review/{id}/label", new { verdict = r % 2 == 0 ? "production" : "shadow" });
                Assert.Equal(HttpStatusCode.NoContent, label.StatusCode);
                if (!labelledBy.TryAdd(id, $"reviewer-{r}"))
                {
                    Interlocked.Increment(ref doubleClaims);
                }
            }
        }));

        Assert.Equal(0, doubleClaims);
        Assert.Equal(500, labelledBy.Count);
        var stats = await _ingest.GetFromJsonAsync<JsonElement>("/api/v1/review/stats");
        Assert.Equal((0, 500), (stats.GetProperty("waiting").GetInt32(), stats.GetProperty("labelledTotal").GetInt32()));
    }

    [Fact]
    public async Task Lease_Expired_ReturnsTheItemToOthersAndTheFirstReviewerCannotLabelIt()
    {
        await PostDisagreementsAsync(1);
        var slow = await ReviewerAsync("slow");
        var other = await ReviewerAsync("other");
        var id = (await (await slow.PostAsJsonAsync("/api/v1/review/claim", new { })).ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsJsonAsync("/api/v1/review/claim", new { })).StatusCode);

        _app.Clock.Advance(TimeSpan.FromMinutes(11));

        var reclaimed = await other.PostAsJsonAsync("/api/v1/review/claim", new { });
        Assert.Equal(id, (await reclaimed.ReadJsonAsync()).GetProperty("id").GetInt64());
        var late = await slow.PostAsJsonAsync($"/api/v1/review/{id}/label", new { verdict = "shadow" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Undo_WithinTheLease_TakesTheLabelBack()
    {
        await PostDisagreementsAsync(1);
        var reviewer = await ReviewerAsync("rita");
        var id = (await (await reviewer.PostAsJsonAsync("/api/v1/review/claim", new { })).ReadJsonAsync()).GetProperty("id").GetInt64();
        await reviewer.PostAsJsonAsync($"/api/v1/review/{id}/label", new { verdict = "production" });

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync($"/api/v1/review/{id}/undo", null)).StatusCode);

        var again = await (await reviewer.PostAsJsonAsync("/api/v1/review/claim", new { })).ReadJsonAsync();
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("verdict").ValueKind);
    }

    [Fact]
    public async Task Export_Jsonl_ContainsExactlyTheLabelsGiven()
    {
        object[] batch = [Prediction("k1", "turn on", "turn off"), Prediction("k2", "lights", "nights"), Prediction("k3", "a", "b")];
        await _ingest.PostAsJsonAsync("/api/v1/predictions", batch);
        var reviewer = await ReviewerAsync("rita");
        var given = new Dictionary<string, string>();
        foreach (var verdict in new[] { "production", "shadow" })
        {
            var item = await (await reviewer.PostAsJsonAsync("/api/v1/review/claim", new { policy = "oldest_first" })).ReadJsonAsync();
            await reviewer.PostAsJsonAsync($"/api/v1/review/{item.GetProperty("id").GetInt64()}/label", new { verdict, note = "checked" });
            given[item.GetProperty("clientId").GetString()!] = verdict;
        }

        var lines = (await reviewer.GetStringAsync("/api/v1/review/export?format=jsonl&model=asr")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var exported = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("id").GetString()!, e => e);
        Assert.Equal(given.Keys.Order(), exported.Keys.Order());
        Assert.All(given, g => Assert.Equal(g.Value, exported[g.Key].GetProperty("verdict").GetString()));
        Assert.Equal("key:rita", exported["k1"].GetProperty("reviewer").GetString());
        Assert.Equal("turn on", exported["k1"].GetProperty("production").GetProperty("output").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Label_BothWrongWithoutCorrection_Returns400()
    {
        await PostDisagreementsAsync(1);
        var reviewer = await ReviewerAsync("rita");
        var id = (await (await reviewer.PostAsJsonAsync("/api/v1/review/claim", new { })).ReadJsonAsync()).GetProperty("id").GetInt64();

        var response = await reviewer.PostAsJsonAsync($"/api/v1/review/{id}/label", new { verdict = "both_wrong" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("correctedOutput", out _));
    }
}
