namespace MonitorDashboard.Hosting;

/// <summary>
/// Work that runs every <see cref="Interval"/> for the life of the app (alarm evaluation, canary and drift analysis):
/// a failed round is logged and the next one comes on time, so one bad cycle never stops the loop.
/// </summary>
public abstract class PeriodicBackgroundService(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first round runs at start (else one interval after it).</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>Named in the log when a round fails.</summary>
    protected abstract string WorkName { get; }

    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        if (!RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "{Work} failed; retrying next interval", WorkName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
