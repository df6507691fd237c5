using System.Threading.Channels;

namespace MonitorDashboard.Live;

/// <summary>
/// One subscriber's buffer and delivery loop. Publishing only writes into a bounded buffer that drops its oldest
/// points when full, so a slow subscriber never slows the writer; the loop delivers everything buffered at once and
/// then waits the flush interval, so a subscriber gets at most one call per interval however fast points arrive.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly Channel<LivePoint> _buffer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<IReadOnlyList<LivePoint>, Task> _onPoints;
    private readonly Action<LiveSubscription> _onDispose;
    private long _dropped;

    public LiveSubscription(LiveFilter filter, Func<IReadOnlyList<LivePoint>, Task> onPoints, int capacity,
        TimeSpan flushInterval, TimeProvider time, ILogger logger, Action<LiveSubscription> onDispose)
    {
        Filter = filter;
        _onPoints = onPoints;
        _onDispose = onDispose;
        _buffer = Channel.CreateBounded<LivePoint>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _ = Task.Run(() => DeliverAsync(flushInterval, time, logger));
    }

    public LiveFilter Filter { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Offer(LivePoint point) => _buffer.Writer.TryWrite(point);

    private async Task DeliverAsync(TimeSpan flushInterval, TimeProvider time, ILogger logger)
    {
        var token = _stop.Token;
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(token))
            {
                var batch = new List<LivePoint>();
                while (batch.Count < 100_000 && _buffer.Reader.TryRead(out var point))
                {
                    batch.Add(point);
                }
                try
                {
                    await _onPoints(batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A live subscriber failed to take {Count} points", batch.Count);
                }
                await Task.Delay(flushInterval, time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // disposed
        }
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _onDispose(this);
        _buffer.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }
}
