using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

public sealed class MetricDirectionApiTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Put_Direction_IsListedAndAudited()
    {
        (await _client.PutAsJsonAsync("/api/v1/metrics/latency_ms/direction", new { direction = "higher-is-worse" })).EnsureSuccessStatusCode();
        var response = await _client.PutAsJsonAsync("/api/v1/metrics/latency_ms/direction", new { direction = "two-sided" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var directions = await _client.GetFromJsonAsync<JsonElement>("/api/v1/metrics/directions");
        Assert.Equal("two-sided", directions.GetProperty("latency_ms").GetString());
        var entries = await app.Services.GetRequiredService<AuditLog>().ListAsync(50);
        Assert.Contains(entries, e => e.Action == "metric.direction" && e.Target.Contains("latency_ms") && e.OldValue == "higher-is-worse" && e.NewValue == "two-sided");
    }

    [Theory]
    [InlineData("accuracy", """{"direction":"lower-is-better"}""", "direction")]
    [InlineData("accuracy", """{}""", "direction")]
    [InlineData("accuracy", "{nope", "body")]
    [InlineData("bad%20name", """{"direction":"higher-is-better"}""", "name")]
    public async Task Put_BadInput_Returns400NamingTheField(string metric, string body, string expectedKey)
    {
        var response = await _client.PutAsync($"/api/v1/metrics/{metric}/direction", EventJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(expectedKey, out _));
        Assert.False((await _client.GetFromJsonAsync<JsonElement>("/api/v1/metrics/directions")).TryGetProperty(Uri.UnescapeDataString(metric), out _));
    }

    [Fact]
    public async Task Put_ByViewer_Returns403_ButViewerCanRead()
    {
        var viewer = app.CreateClientWithKey((await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("viewer", Roles.Viewer, "test")).Secret);

        var put = await viewer.PutAsJsonAsync("/api/v1/metrics/wer/direction", new { direction = "higher-is-worse" });

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/metrics/directions")).StatusCode);
    }
}
