using MonitorDashboard.Storage;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MonitorDashboard.Live;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _factory = new();
    private HubConnection _connection = null!;
    private readonly Channel<LivePoint> _received = Channel.CreateUnbounded<LivePoint>();

    public async ValueTask InitializeAsync()
    {
        var server = _factory.Server;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveHub.Route), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(TestAccounts.AdminKey);
            })
            .Build();
        _connection.On<LivePoint[]>(LiveHub.PointsMessage, points =>
        {
            foreach (var point in points)
            {
                _received.Writer.TryWrite(point);
            }
        });
        await _connection.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_PointPosted_ReceivedWithinOneSecond()
    {
        await _connection.InvokeAsync(nameof(LiveHub.Subscribe), new SeriesSelector { Model = "asr" });
        var client = _factory.CreateClient();

        (await client.PostEventsAsync(EventJson.Event(model: "asr", name: "latency_ms", value: 42, version: "v2"))).EnsureSuccessStatusCode();
        var acknowledged = DateTime.UtcNow;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var point = await _received.Reader.ReadAsync(timeout.Token);

        Assert.True(DateTime.UtcNow - acknowledged < TimeSpan.FromSeconds(1));
        Assert.Equal(("asr", "v2", "asr", "software", "latency_ms", 42.0), (point.Model, point.Version, point.Stage, point.Kind, point.Name, point.Value));
    }

    [Fact]
    public async Task Subscribe_FilteredByModel_DoesNotReceiveOtherModels()
    {
        await _connection.InvokeAsync(nameof(LiveHub.Subscribe), new SeriesSelector { Model = "asr" });
        var client = _factory.CreateClient();

        (await client.PostEventsAsync(EventJson.Event(model: "vad", value: 1))).EnsureSuccessStatusCode();
        (await client.PostEventsAsync(EventJson.Event(model: "asr", value: 2))).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var point = await _received.Reader.ReadAsync(timeout.Token);

        Assert.Equal("asr", point.Model);
        Assert.Equal(2, point.Value);
    }
}
