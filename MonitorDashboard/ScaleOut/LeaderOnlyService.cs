namespace MonitorDashboard.ScaleOut;

/// <summary>
/// Runs a background service only on the instance that holds its lease: it starts when this instance takes the lease,
/// stops if the lease is lost, and another instance starts it within <see cref="RetryInterval"/> of the holder's death.
/// </summary>
public sealed class LeaderOnlyService(IHostedService inner, string work, IWorkLease lease, ILogger<LeaderOnlyService> logger) : BackgroundService
{
    /// <summary>How often an instance without the lease tries to take it.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            WorkLeaseHandle? held = null;
            try
            {
                held = await lease.TryAcquireAsync(work, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not ask for the lease on {Work}; trying again in {Seconds} s", work, RetryInterval.TotalSeconds);
            }
            if (held is null)
            {
                await Task.Delay(RetryInterval, stoppingToken);
                continue;
            }
            await using (held)
            {
                await RunWhileHeldAsync(held, stoppingToken);
            }
        }
    }

    private async Task RunWhileHeldAsync(WorkLeaseHandle held, CancellationToken stoppingToken)
    {
        logger.LogInformation("This instance now runs {Work}", work);
        await inner.StartAsync(stoppingToken);
        using var lostOrStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
        try
        {
            await Task.Delay(Timeout.Infinite, lostOrStopping.Token);
        }
        catch (OperationCanceledException)
        {
            // stopping, or the lease was lost
        }
        await inner.StopAsync(CancellationToken.None);
        if (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Lost the lease on {Work}; stopped it here until this instance takes the lease again", work);
        }
    }
}
