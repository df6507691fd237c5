using System.Diagnostics;
using System.Net;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

/// <summary>The per-key limit with its default settings, against ordinary per-request telemetry.</summary>
public sealed class IngestRateTests : IAsyncLifetime
{
    private const int RequestsPerSecond = 300;
    private readonly MonitorDashboardFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostEvents_OneEventPerRequestAt300PerSecond_IsNeverThrottled()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var service = _app.CreateClientWithKey((await keys.CreateAsync("busy service", Roles.Ingest, "test")).Secret);

        // 8 s at 300 requests/s: 2,400 requests, well past any burst a requests/s limit would allow (400 + 8 x 200).
        // Paced, not flooded: request i starts at i/300 s, as a service handling its own traffic would send them.
        var clock = Stopwatch.StartNew();
        var posts = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 8 * RequestsPerSecond; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / RequestsPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, TestContext.Current.CancellationToken);
            }
            posts.Add(service.PostEventsAsync(EventJson.Event(value: i)));
        }
        var responses = await Task.WhenAll(posts);

        Assert.Equal(0, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
    }
}
