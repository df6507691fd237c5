using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Alarms;

public sealed class AlarmApiTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private readonly WebhookReceiver _webhook = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Alarms:EvaluationSeconds"] = "1";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _webhook.Dispose();
        await _app.DisposeAsync();
    }

    private static object Rule(string webhookUrl = "", double threshold = 250, string forDuration = "2s") => new
    {
        name = "asr p95", model = "asr", metric = "latency_ms", aggregation = "max", window = "10s", comparator = ">",
        threshold, recoveryThreshold = 200.0, @for = forDuration, noData = "keep_last", severity = "critical", webhookUrl,
    };

    /// <summary>The status of the latency series, or "none" before the first evaluation.</summary>
    private async Task<string> StatusAsync()
    {
        var states = await _client.GetFromJsonAsync<JsonElement>("/api/v1/alarms/states");
        var state = states.EnumerateArray().FirstOrDefault(s => s.GetProperty("series").GetProperty("name").GetString() == "latency_ms");
        return state.ValueKind == JsonValueKind.Object ? state.GetProperty("status").GetString()! : "none";
    }

    private Task PostLatencyAsync(double value) =>
        _client.PostEventsAsync(EventJson.Event(model: "asr", name: "latency_ms", value: value, version: "v2"));

    [Fact]
    public async Task Threshold_CrossedLongerThanFor_FiresNotifiesWebhookAndResolvesOnRecovery()
    {
        (await _client.PostAsJsonAsync("/api/v1/alarms", Rule(_webhook.Url))).EnsureSuccessStatusCode();

        await PostLatencyAsync(400);
        var crossed = DateTime.UtcNow;
        await Eventually.TrueAsync(async () => await StatusAsync() == "firing",
            TimeSpan.FromSeconds(10), "the rule fires");
        // "for" is 2 s and the interval 1 s: firing must come after "for", within about one interval of it
        Assert.InRange(DateTime.UtcNow - crossed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2 + 1 + 2));

        var payload = await _webhook.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("firing", payload.GetProperty("state").GetString());
        Assert.Equal("asr p95", payload.GetProperty("rule").GetProperty("name").GetString());
        Assert.Equal("v2", payload.GetProperty("series").GetProperty("version").GetString());
        Assert.Equal(400, payload.GetProperty("value").GetDouble());
        Assert.Contains("/alarms/", payload.GetProperty("link").GetString());

        // 10 s window: once the 400 ms point ages out, the max is the recovered 150. The service keeps reporting 150, as
        // a healthy one does: a single 150 would itself leave the window a few seconds later, and with no data the rule
        // (no-data: keep last) stays firing, so a busy machine that skipped those seconds would wait forever.
        var lastPost = DateTime.MinValue;
        await Eventually.TrueAsync(async () =>
        {
            if (DateTime.UtcNow - lastPost > TimeSpan.FromMilliseconds(500))
            {
                lastPost = DateTime.UtcNow;
                await PostLatencyAsync(150);
            }
            return await StatusAsync() == "ok";
        }, TimeSpan.FromSeconds(40), () => $"the alarm resolves; the app's warnings: {_app.ProblemsText}");
        var resolved = await _webhook.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("ok", "firing"), (resolved.GetProperty("state").GetString(), resolved.GetProperty("previousState").GetString()));

        var id = (await _client.GetFromJsonAsync<JsonElement>("/api/v1/alarms"))[0].GetProperty("id").GetInt64();
        var history = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{id}/history");
        Assert.Equal(["ok", "firing", "pending"], history.EnumerateArray().Select(h => h.GetProperty("to").GetString()).Take(3));
    }

    [Fact]
    public async Task Update_TwoConflictingSavesOnTheSameVersion_OneSucceedsTheOtherGets409()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/alarms", Rule())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        var version = created.GetProperty("concurrencyVersion").GetInt32();

        var first = _client.PutAsJsonAsync($"/api/v1/alarms/{id}", WithVersion(Rule(threshold: 300), version));
        var second = _client.PutAsJsonAsync($"/api/v1/alarms/{id}", WithVersion(Rule(threshold: 350), version));
        var responses = await Task.WhenAll(first, second);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(version + 1, (await conflict.ReadJsonAsync()).GetProperty("currentVersion").GetInt32());
        var stored = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{id}");
        var winner = await responses.Single(r => r.IsSuccessStatusCode).ReadJsonAsync();
        Assert.Equal(winner.GetProperty("threshold").GetDouble(), stored.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Create_InvalidRule_Returns400NamingEachField()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/alarms", new { name = "", metric = "a b", window = "5s", comparator = "=>", recoveryThreshold = 5.0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "name", "metric", "window", "comparator", "threshold" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task History_OfUnknownAlarm_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/alarms/987654/history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Update_ByViewer_Returns403_ButViewerCanReadStates()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/alarms", Rule())).Content.ReadFromJsonAsync<JsonElement>();
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var viewer = _app.CreateClientWithKey((await keys.CreateAsync("viewer", Roles.Viewer, "test")).Secret);

        var put = await viewer.PutAsJsonAsync($"/api/v1/alarms/{created.GetProperty("id")}", WithVersion(Rule(threshold: 1), 1));
        var delete = await viewer.DeleteAsync($"/api/v1/alarms/{created.GetProperty("id")}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (put.StatusCode, delete.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/alarms/states")).StatusCode);
    }

    [Fact]
    public async Task Change_OfARule_IsWrittenToTheAuditLogWithOldAndNew()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/alarms", Rule())).Content.ReadFromJsonAsync<JsonElement>();
        await _client.PutAsJsonAsync($"/api/v1/alarms/{created.GetProperty("id")}", WithVersion(Rule(threshold: 333), 1));

        var entries = await _app.Services.GetRequiredService<AuditLog>().ListAsync(10);

        var update = Assert.Single(entries, e => e.Action == "alarm.update");
        Assert.Contains("> 250", update.OldValue);
        Assert.Contains("> 333", update.NewValue);
        Assert.Equal("key:bootstrap", update.Actor);
    }

    private static Dictionary<string, object?> WithVersion(object rule, int version)
    {
        var json = JsonSerializer.SerializeToElement(rule);
        var fields = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["concurrencyVersion"] = version;
        return fields;
    }
}
