using System.Net;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class QueueFullTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Ingest:MaxQueuedEvents"] = "5";
        _factory.Settings["Ingest:RetryAfterSeconds"] = "2";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task PostEvents_MoreEventsThanTheQueueHolds_Returns503WithRetryAfterAndStoresNothing()
    {
        var client = _factory.CreateClient();

        var response = await client.PostEventsAsync(Enumerable.Range(0, 6).Select(i => EventJson.Event(value: i)).ToArray());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _factory.CountPoints());
    }

    [Fact]
    public async Task PostEvents_WithinTheQueueBound_IsAccepted()
    {
        var client = _factory.CreateClient();

        var response = await client.PostEventsAsync(Enumerable.Range(0, 5).Select(i => EventJson.Event(value: i)).ToArray());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
