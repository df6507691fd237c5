using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MonitorDashboard.Alarms;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Webhooks;

/// <summary>The webhook policy with its defaults (loopback not allowed), through the real endpoints and the real sender.</summary>
public sealed class WebhookPolicyApiTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Webhooks:AllowLoopback"] = "false";
        _app.Settings["Alarms:EvaluationSeconds"] = "1";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Rule(string webhookUrl) => new
    {
        name = "hooked", model = "asr", metric = "latency_ms", aggregation = "max", window = "10s", comparator = ">",
        threshold = 250.0, @for = "0s", severity = "critical", webhookUrl,
    };

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:8080/admin")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("ftp://hooks.example.com/hook")]
    public async Task Create_WebhookAimedInside_Returns400NamingWebhookUrl(string url)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/alarms", Rule(url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("webhookUrl", out _));
    }

    [Fact]
    public async Task Create_PublicWebhook_IsSaved() =>
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/api/v1/alarms", Rule("https://hooks.example.com/alarm"))).StatusCode);

    [Fact]
    public async Task Send_HostResolvingToLoopback_IsRefusedAndRecordedOnTheRule()
    {
        // A name saved while it pointed elsewhere and resolving to this machine now (DNS rebinding): stored without the
        // save-time check, as an older rule or a changed DNS record would be.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var rule = AlarmRuleValidator.Validate(new AlarmRuleRequest
            {
                Name = "rebound", Model = "asr", Metric = "latency_ms", Aggregation = "max", Window = "10s", Comparator = ">",
                Threshold = 250, For = "0s", WebhookUrl = $"http://localhost:{port}/hook",
            }, 0, out _)!;
            var created = await _app.Services.GetRequiredService<AlarmRuleStore>().CreateAsync(rule, "test", TestContext.Current.CancellationToken);
            var rules = _app.Services.GetRequiredService<AlarmRuleStore>();

            await _client.PostEventsAsync(EventJson.Event(model: "asr", name: "latency_ms", value: 400));

            await Eventually.TrueAsync(async () => listener.Pending() || (await rules.WebhookErrorsAsync()).ContainsKey(created.Id),
                TimeSpan.FromSeconds(60), "the webhook is sent or refused");
            Assert.False(listener.Pending(), "a connection reached the loopback receiver");
            Assert.Contains("loopback", (await rules.WebhookErrorsAsync())[created.Id].Error, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Start_DeploymentHookAimedAtMetadataService_FailsNamingTheSetting()
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Deployments:Webhooks:asr"] = "http://169.254.169.254/latest";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Deployments:Webhooks:asr", error.ToString(), StringComparison.Ordinal);
    }
}
