using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

public sealed class DeploymentApiTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_Canary_Returns201WithDefaultsAndStartEvent()
    {
        var response = await _client.PostAsJsonAsync(DeploymentRequests.Route, DeploymentRequests.Canary(note: "first canary"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal($"{DeploymentRequests.Route}/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(("asr", "asr", "v2", "v1"), (created.Text("model"), created.Text("stage"), created.Text("version"), created.Text("baselineVersion")));
        Assert.Equal(("canary", "active", 5), (created.Text("strategy"), created.Text("status"), created.GetProperty("trafficPercent").GetInt32()));
        Assert.Equal("key:bootstrap", created.Text("startedBy"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("endedAt").ValueKind);
        Assert.Equal(created.Text("startedAt"), created.Text("windowStart"));
        Assert.True(DateTimeOffset.TryParse(created.Text("startedAt"), out _));
        var start = Assert.Single(created.GetProperty("events").EnumerateArray());
        Assert.Equal(("start", 5, "first canary"), (start.Text("action"), start.GetProperty("trafficPercent").GetInt32(), start.Text("note")));
    }

    [Theory]
    [InlineData("shadow", 0)]
    [InlineData("blue-green", 100)]
    [InlineData("full", 100)]
    public async Task Create_WithoutTraffic_TakesTheStrategysDefault(string strategy, int expected)
    {
        var created = await _client.CreateAsync(DeploymentRequests.Canary(strategy: strategy));

        Assert.Equal(expected, created.GetProperty("trafficPercent").GetInt32());
        Assert.Equal(strategy, created.Text("strategy"));
    }

    [Fact]
    public async Task Get_ById_ReturnsTheStoredDeployment()
    {
        var created = await _client.CreateAsync(new { model = "ocr", stage = "eu", version = "2.1.0", strategy = "blue-green", trafficPercent = 30 });

        var read = await _client.GetDeploymentAsync(created.Id());

        Assert.Equal(created.GetRawText(), read.GetRawText());
        Assert.Equal(("eu", 30, JsonValueKind.Null), (read.Text("stage"), read.GetProperty("trafficPercent").GetInt32(), read.GetProperty("baselineVersion").ValueKind));
    }

    [Fact]
    public async Task List_FilteredByModelAndActive_NewestFirst()
    {
        var first = await _client.CreateAsync(DeploymentRequests.Canary(version: "v2"));
        var second = await _client.CreateAsync(DeploymentRequests.Canary(version: "v3"));
        var other = await _client.CreateAsync(DeploymentRequests.Canary(model: "ocr"));
        await _client.StepOkAsync(first.Id(), "rollback");

        var all = await _client.GetFromJsonAsync<JsonElement>(DeploymentRequests.Route);
        var asr = await _client.GetFromJsonAsync<JsonElement>($"{DeploymentRequests.Route}?model=asr");
        var asrActive = await _client.GetFromJsonAsync<JsonElement>($"{DeploymentRequests.Route}?model=asr&active=true");
        var ended = await _client.GetFromJsonAsync<JsonElement>($"{DeploymentRequests.Route}?active=false");

        Assert.Equal([other.Id(), second.Id(), first.Id()], all.EnumerateArray().Select(d => d.Id()));
        Assert.Equal([second.Id(), first.Id()], asr.EnumerateArray().Select(d => d.Id()));
        Assert.Equal([second.Id()], asrActive.EnumerateArray().Select(d => d.Id()));
        Assert.Equal([first.Id()], ended.EnumerateArray().Select(d => d.Id()));
        Assert.Equal(2, asr[1].GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Traffic_RampFiveToFifty_RecordsEachStepInOrderAndMovesTheWindow()
    {
        var id = (await _client.CreateAsync()).Id();

        var at25 = await _client.StepOkAsync(id, "traffic", new { trafficPercent = 25 });
        var at50 = await _client.StepOkAsync(id, "traffic", new { trafficPercent = 50, note = "error rate flat" });

        Assert.Equal(50, at50.GetProperty("trafficPercent").GetInt32());
        var events = at50.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([("start", 5), ("traffic", 25), ("traffic", 50)], events.Select(e => (e.Text("action"), e.GetProperty("trafficPercent").GetInt32())));
        Assert.Equal("error rate flat", events[2].Text("note"));
        Assert.Equal(events[2].Text("at"), at50.Text("windowStart"));
        Assert.True(DateTimeOffset.Parse(at25.Text("windowStart")) >= DateTimeOffset.Parse(at25.Text("startedAt")));
        Assert.Equal("active", (await _client.GetDeploymentAsync(id)).Text("status"));
    }

    [Fact]
    public async Task Promote_ActiveCanary_SetsPromotedAndFullTraffic_ThenFinishEndsIt()
    {
        var id = (await _client.CreateAsync()).Id();

        var promoted = await _client.StepOkAsync(id, "promote", new { note = "looks good" });
        var finished = await _client.StepOkAsync(id, "finish");

        Assert.Equal(("promoted", 100), (promoted.Text("status"), promoted.GetProperty("trafficPercent").GetInt32()));
        Assert.Equal(JsonValueKind.Null, promoted.GetProperty("endedAt").ValueKind);
        Assert.Equal("finished", finished.Text("status"));
        Assert.NotEqual(JsonValueKind.Null, finished.GetProperty("endedAt").ValueKind);
        Assert.Equal(["start", "promote", "finish"], finished.GetProperty("events").EnumerateArray().Select(e => e.Text("action")));
        var entries = await _app.Services.GetRequiredService<AuditLog>().ListAsync(10);
        Assert.Contains(entries, e => e.Action == "deployment.promote" && e.OldValue!.Contains("traffic 5%") && e.NewValue!.Contains("traffic 100%"));
        Assert.Contains(entries, e => e.Action == "deployment.finish");
    }

    [Fact]
    public async Task Post_ByViewer_Returns403_ButViewerCanRead()
    {
        var id = (await _client.CreateAsync()).Id();
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var viewer = _app.CreateClientWithKey((await keys.CreateAsync("viewer", Roles.Viewer, "test")).Secret);

        var create = await viewer.PostAsJsonAsync(DeploymentRequests.Route, DeploymentRequests.Canary());
        var rollback = await viewer.StepAsync(id, "rollback");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (create.StatusCode, rollback.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(DeploymentRequests.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{DeploymentRequests.Route}/{id}")).StatusCode);
        Assert.Equal(1, _app.CountRows("Deployments"));
    }

    [Fact]
    public async Task Post_ByIngestKey_StartsAndStepsADeployment()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var cd = _app.CreateClientWithKey((await keys.CreateAsync("cd pipeline", Roles.Ingest, "test")).Secret);

        var created = await cd.CreateAsync();
        var stepped = await cd.StepOkAsync(created.Id(), "traffic", new { trafficPercent = 20 });

        Assert.Equal("key:cd pipeline", created.Text("startedBy"));
        Assert.Equal("key:cd pipeline", stepped.GetProperty("events")[1].Text("by"));
    }
}
