using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

/// <summary>Rollback is recorded, audited and tells the model's CD hook; a hook that cannot be reached shows on the deployment.</summary>
public sealed class DeploymentWebhookTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private readonly WebhookReceiver _webhook = new();
    private readonly string _closedPortUrl = $"http://127.0.0.1:{ClosedPort()}/hook/";
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Deployments:Webhooks:asr"] = _webhook.Url;
        _app.Settings["Deployments:Webhooks:ocr"] = _closedPortUrl;
        // the standard retries, shortened so the final failure comes within a second
        _app.Settings["Deployments:WebhookResilience:Retry:MaxRetryAttempts"] = "1";
        _app.Settings["Deployments:WebhookResilience:Retry:Delay"] = "00:00:00.050";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _webhook.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Rollback_ActiveCanary_RecordedAuditedAndPostedToTheHook()
    {
        var id = (await _client.CreateAsync()).Id();
        await _client.StepOkAsync(id, "traffic", new { trafficPercent = 25 });

        var rolledBack = await _client.StepOkAsync(id, "rollback", new { note = "p95 latency +40%" });

        Assert.Equal(("rolled-back", 0), (rolledBack.Text("status"), rolledBack.GetProperty("trafficPercent").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, rolledBack.GetProperty("endedAt").ValueKind);
        var step = rolledBack.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("rollback", "key:bootstrap", "p95 latency +40%"), (step.Text("action"), step.Text("by"), step.Text("note")));
        var at = DateTimeOffset.Parse(step.Text("at"));
        Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var audit = Assert.Single(await _app.Services.GetRequiredService<AuditLog>().ListAsync(20), e => e.Action == "deployment.rollback");
        Assert.Equal("key:bootstrap", audit.Actor);
        Assert.Contains($"deployment {id}", audit.Target);
        Assert.Contains("traffic 25%", audit.OldValue);
        Assert.Contains("rolled-back; traffic 0%", audit.NewValue);

        var payload = await NextWithActionAsync("rollback");
        Assert.Equal(("asr", "v2", "v1"), (payload.Text("model"), payload.Text("version"), payload.Text("baselineVersion")));
        Assert.Equal((0, "key:bootstrap"), (payload.GetProperty("trafficPercent").GetInt32(), payload.Text("by")));
        Assert.Equal(at, DateTimeOffset.Parse(payload.Text("at")));
    }

    [Fact]
    public async Task TrafficAndPromote_PostEachStepToTheHook()
    {
        var id = (await _client.CreateAsync()).Id();

        await _client.StepOkAsync(id, "traffic", new { trafficPercent = 50 });
        await _client.StepOkAsync(id, "promote");

        Assert.Equal(50, (await NextWithActionAsync("traffic")).GetProperty("trafficPercent").GetInt32());
        Assert.Equal(100, (await NextWithActionAsync("promote")).GetProperty("trafficPercent").GetInt32());
        await Eventually.TrueAsync(async () => (await _client.GetDeploymentAsync(id)).GetProperty("lastWebhookError").ValueKind == JsonValueKind.Null,
            TimeSpan.FromSeconds(10), "the successful calls leave no error");
    }

    [Fact]
    public async Task Rollback_HookUnreachable_ShowsLastWebhookError()
    {
        var id = (await _client.CreateAsync(DeploymentRequests.Canary(model: "ocr"))).Id();

        await _client.StepOkAsync(id, "rollback");

        await Eventually.TrueAsync(async () => (await _client.GetDeploymentAsync(id)).GetProperty("lastWebhookError").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(30), "the failed call is stored on the deployment");
        var error = (await _client.GetDeploymentAsync(id)).Text("lastWebhookError");
        Assert.Contains("refused", error, StringComparison.OrdinalIgnoreCase);
        // Hook URLs often carry a token, and every viewer sees this error: the URL itself is never shown.
        Assert.DoesNotContain(_closedPortUrl, error);
    }

    /// <summary>The next payload with <paramref name="action"/>; the start and earlier steps come first.</summary>
    private async Task<JsonElement> NextWithActionAsync(string action)
    {
        while (true)
        {
            // A busy CI machine may need the resilience handler's retry (2 s back-off and up): 30 s, not 10.
            var payload = await _webhook.NextAsync(TimeSpan.FromSeconds(30));
            if (payload.Text("action") == action)
            {
                return payload;
            }
        }
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
