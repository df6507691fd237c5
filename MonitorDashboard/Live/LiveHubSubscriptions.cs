using MonitorDashboard.Storage;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace MonitorDashboard.Live;

/// <summary>Keeps one notifier subscription per hub connection (hubs are transient, so the state lives here).</summary>
public sealed class LiveHubSubscriptions(LiveNotifier notifier, IHubContext<LiveHub> hub)
{
    private readonly ConcurrentDictionary<string, IDisposable> _byConnection = new();

    public void Subscribe(string connectionId, SeriesSelector filter)
    {
        var client = hub.Clients.Client(connectionId);
        var subscription = notifier.Subscribe(filter, points => client.SendAsync(LiveHub.PointsMessage, points), SubscriberContext.Background);
        _byConnection.AddOrUpdate(connectionId, subscription, (_, previous) =>
        {
            previous.Dispose();
            return subscription;
        });
    }

    public void Unsubscribe(string connectionId)
    {
        if (_byConnection.TryRemove(connectionId, out var subscription))
        {
            subscription.Dispose();
        }
    }
}
