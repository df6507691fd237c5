using MonitorDashboard.Storage;
using Microsoft.AspNetCore.SignalR;

namespace MonitorDashboard.Live;

/// <summary>
/// Live points for external clients. A client calls <c>Subscribe(filter)</c> and then receives
/// <c>Points</c> messages (arrays of <see cref="LivePoint"/>). Blazor pages use <see cref="LiveNotifier"/> directly.
/// </summary>
public sealed class LiveHub(LiveHubSubscriptions subscriptions) : Hub
{
    public const string Route = "/hubs/live";
    public const string PointsMessage = "Points";

    /// <summary>Replaces this connection's subscription.</summary>
    public Task Subscribe(SeriesSelector? filter)
    {
        subscriptions.Subscribe(Context.ConnectionId, filter ?? SeriesSelector.All);
        return Task.CompletedTask;
    }

    public Task Unsubscribe()
    {
        subscriptions.Unsubscribe(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Unsubscribe(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
