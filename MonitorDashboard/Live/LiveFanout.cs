using System.Text.Json;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.ScaleOut;

namespace MonitorDashboard.Live;

/// <summary>
/// Hands committed points to this instance's viewers and, when instances share a backplane, to the other instances,
/// whose viewers (charts and hub clients) see points ingested anywhere. One message per commit, not per point.
/// </summary>
public sealed class LiveFanout
{
    private readonly LiveNotifier _notifier;
    private readonly IInstanceBroadcast _broadcast;
    private readonly bool _shared;

    public LiveFanout(LiveNotifier notifier, IInstanceBroadcast broadcast, IOptions<LiveOptions> options)
    {
        _notifier = notifier;
        _broadcast = broadcast;
        _shared = options.Value.Backplane != LiveBackplane.None;
        broadcast.Subscribe(BroadcastTopic.LivePoints, message =>
            notifier.Publish(JsonSerializer.Deserialize<LivePoint[]>(message, JsonSerializerOptions.Web) ?? []));
    }

    /// <summary>False when nobody anywhere can be watching: the writer then builds no live points.</summary>
    public bool HasAudience => _shared || _notifier.SubscriberCount > 0;

    public void Publish(IReadOnlyList<LivePoint> points)
    {
        _notifier.Publish(points);
        if (_shared && points.Count > 0)
        {
            _broadcast.Publish(BroadcastTopic.LivePoints, JsonSerializer.Serialize(points, JsonSerializerOptions.Web));
        }
    }
}
