using System.Threading.Channels;

namespace MonitorDashboard.Live;

/// <summary>
/// The one way a subscriber is told (points, alarm changes, the viewer's time zone). <see cref="Wake"/> never blocks
/// and never runs the callback on the caller's thread; a loop runs the callback in the subscriber's context and then
/// waits the interval, and a wake while a call is pending or running is absorbed into the next call. A failing callback
/// is logged as an error and reported to the subscriber, and delivery goes on.
/// </summary>
internal sealed class ThrottledDelivery : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Task> _callback;
    private readonly SubscriberContext _context;

    public ThrottledDelivery(Func<Task> callback, SubscriberContext context, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _callback = callback;
        _context = context;
        _ = Task.Run(() => RunAsync(interval, time, logger));
    }

    public void Wake() => _wake.Writer.TryWrite(true);

    private async Task RunAsync(TimeSpan interval, TimeProvider time, ILogger logger)
    {
        var token = _stop.Token;
        try
        {
            while (await _wake.Reader.WaitToReadAsync(token))
            {
                _wake.Reader.TryRead(out _);
                await DeliverAsync(logger, token);
                await Task.Delay(interval, time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // disposed
        }
    }

    private async Task DeliverAsync(ILogger logger, CancellationToken token)
    {
        try
        {
            await _context.InvokeAsync(_callback);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // the subscriber cancelled its own work (a newer load replaced it): nothing failed
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            logger.LogError(ex, "A live subscriber failed");
            await ReportAsync(ex, logger);
        }
    }

    private async Task ReportAsync(Exception failure, ILogger logger)
    {
        if (_context.ReportAsync is not { } report)
        {
            return;
        }
        try
        {
            await report(failure);
        }
        catch (Exception ex)
        {
            // the subscriber is gone (page closed meanwhile): the error above is in the log
            logger.LogDebug(ex, "Could not report a live subscriber's failure to it");
        }
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _wake.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }
}
