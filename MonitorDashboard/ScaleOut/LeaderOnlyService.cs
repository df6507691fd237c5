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
            bool workEndedOnItsOwn;
            await using (held)
            {
                workEndedOnItsOwn = await RunWhileHeldAsync(held, stoppingToken);
            }
            if (workEndedOnItsOwn)
            {
                // Released: another instance may take it; this one tries again after a pause, not in a tight loop.
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    /// <returns>True when the work ended on its own (not stopped, lease not lost).</returns>
    private async Task<bool> RunWhileHeldAsync(WorkLeaseHandle held, CancellationToken stoppingToken)
    {
        logger.LogInformation("This instance now runs {Work}", work);
        await inner.StartAsync(stoppingToken);
        using var lostOrStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
        var leaseEnds = Task.Delay(Timeout.Infinite, lostOrStopping.Token);
        // The host does not watch the wrapped service: if it ends on its own, the lease must go back, or the work would
        // be dead on every instance while this one holds the lease.
        var workEnds = (inner as BackgroundService)?.ExecuteTask ?? Task.Delay(Timeout.Infinite, lostOrStopping.Token);
        var ended = await Task.WhenAny(leaseEnds, workEnds);
        await inner.StopAsync(CancellationToken.None);
        if (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        if (ended == workEnds)
        {
            logger.LogError(workEnds.Exception, "{Work} ended on its own; giving its lease back", work);
            return true;
        }
        logger.LogWarning("Lost the lease on {Work}; stopped it here until this instance takes the lease again", work);
        return false;
    }
}
