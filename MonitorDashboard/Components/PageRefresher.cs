namespace MonitorDashboard.Components;

/// <summary>
/// Runs a page's refresh on a timer until the page goes away, on the renderer's sync context, and routes failures to
/// the page's error handling instead of dropping them.
/// </summary>
public sealed class PageRefresher(TimeProvider time, TimeSpan interval) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public CancellationToken Token => _stop.Token;

    public async Task RunAsync(Func<Func<Task>, Task> invokeAsync, Func<Task> refreshAsync, Func<Exception, Task> dispatchExceptionAsync)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await invokeAsync(refreshAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // page closed
        }
        catch (Exception ex)
        {
            await dispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
