using MonitorDashboard.Storage;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Live;

/// <summary>
/// Fans committed points out to in-process subscribers (Blazor components, the SignalR hub).
/// The writer calls <see cref="Publish"/> after each commit; it never blocks on a subscriber.
/// </summary>
public sealed class LiveNotifier(IOptions<LiveOptions> options, TimeProvider time, ILogger<LiveNotifier> logger)
{
    private readonly Lock _gate = new();
    private LiveSubscription[] _subscriptions = [];
    private long _droppedByClosed;

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Points dropped because a subscriber fell behind (each subscriber keeps the newest).</summary>
    public long DroppedPoints => Interlocked.Read(ref _droppedByClosed) + Volatile.Read(ref _subscriptions).Sum(s => s.Dropped);

    /// <summary>
    /// Calls <paramref name="onPoints"/> off the publishing thread, in <paramref name="context"/>, with the matching points,
    /// at once when the subscriber is idle, then at most once per flush interval (a page's or an external client's).
    /// </summary>
    public IDisposable Subscribe(SeriesSelector filter, Func<IReadOnlyList<LivePoint>, Task> onPoints, SubscriberContext context)
    {
        var settings = options.Value;
        var subscription = new LiveSubscription(filter, onPoints, context, settings.MaxBufferedPointsPerSubscriber,
            TimeSpan.FromMilliseconds(context.IsPage ? settings.PageFlushIntervalMilliseconds : settings.ClientFlushIntervalMilliseconds),
            time, logger, Remove);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public void Publish(IReadOnlyList<LivePoint> points)
    {
        // Copy-on-write array: publishing takes no lock.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            foreach (var point in points)
            {
                if (subscription.Filter.Matches(point.Series))
                {
                    subscription.Offer(point);
                }
            }
        }
    }

    private void Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
            Interlocked.Add(ref _droppedByClosed, subscription.Dropped);
        }
    }
}
