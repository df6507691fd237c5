using MonitorDashboard.Storage;
using System.Threading.Channels;

namespace MonitorDashboard.Live;

/// <summary>
/// One subscriber's point buffer. Publishing only writes into a bounded buffer that drops its oldest points when full,
/// so a slow subscriber never slows the writer; <see cref="ThrottledDelivery"/> hands over everything buffered at once,
/// at most once per flush interval, in the subscriber's context.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private const int MaxBatch = 100_000;
    private readonly Channel<LivePoint> _buffer;
    private readonly Func<IReadOnlyList<LivePoint>, Task> _onPoints;
    private readonly Action<LiveSubscription> _onDispose;
    private readonly ThrottledDelivery _delivery;
    private long _dropped;
    private int _disposed;

    public LiveSubscription(SeriesSelector filter, Func<IReadOnlyList<LivePoint>, Task> onPoints, SubscriberContext context, int capacity,
        TimeSpan flushInterval, TimeProvider time, ILogger logger, Action<LiveSubscription> onDispose)
    {
        Filter = filter;
        _onPoints = onPoints;
        _onDispose = onDispose;
        _buffer = Channel.CreateBounded<LivePoint>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _delivery = new ThrottledDelivery(DeliverBufferedAsync, context, flushInterval, time, logger);
    }

    public SeriesSelector Filter { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Offer(LivePoint point)
    {
        _buffer.Writer.TryWrite(point);
        _delivery.Wake();
    }

    private Task DeliverBufferedAsync()
    {
        var batch = new List<LivePoint>();
        while (batch.Count < MaxBatch && _buffer.Reader.TryRead(out var point))
        {
            batch.Add(point);
        }
        if (_buffer.Reader.Count > 0)
        {
            _delivery.Wake(); // more than one batch waiting: the rest goes in the next call
        }
        return batch.Count == 0 ? Task.CompletedTask : _onPoints(batch);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _onDispose(this);
        _buffer.Writer.TryComplete();
        _delivery.Dispose();
    }
}
