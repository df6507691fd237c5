namespace MonitorDashboard.Live;

/// <summary>
/// Tells subscribers that something of kind <typeparamref name="TChange"/> changed (alarm rules or states, the viewer's
/// time zone); they read the new state themselves. Delivery is throttled and off the notifying thread, like points.
/// </summary>
public sealed class ChangeFeed<TChange>(TimeSpan interval, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public IDisposable Subscribe(Func<TChange, bool> wants, Func<Task> onChange, SubscriberContext context)
    {
        var subscription = new Subscription(this, wants, new ThrottledDelivery(onChange, context, interval, time, logger));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public void Notify(TChange change)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Wants(change))
            {
                subscription.Delivery.Wake();
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription(ChangeFeed<TChange> feed, Func<TChange, bool> wants, ThrottledDelivery delivery) : IDisposable
    {
        public Func<TChange, bool> Wants { get; } = wants;

        public ThrottledDelivery Delivery { get; } = delivery;

        public void Dispose()
        {
            feed.Remove(this);
            Delivery.Dispose();
        }
    }
}
