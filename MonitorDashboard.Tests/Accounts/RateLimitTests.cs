using System.Net;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();

    public ValueTask InitializeAsync()
    {
        // A burst of 3 and one more request per minute: the test cannot be refilled by a slow machine.
        _app.Settings["Auth:IngestBurst"] = "3";
        _app.Settings["Auth:IngestRequestsPerSecond"] = "1";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostEvents_BurstPastTheLimit_Gets429WithRetryAfterWhileOtherKeysPass()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var noisy = _app.CreateClientWithKey((await keys.CreateAsync("noisy", Roles.Ingest, "test")).Secret);
        var quiet = _app.CreateClientWithKey((await keys.CreateAsync("quiet", Roles.Ingest, "test")).Secret);

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
}
