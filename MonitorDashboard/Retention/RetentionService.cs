using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Retention;

/// <summary>Prunes raw points and remembered event ids past their age, in the background and in small steps.</summary>
public sealed class RetentionService(RetentionStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PruneIntervalSeconds), time);
        do
        {
            try
            {
                var (points, ids) = await PruneAsync(time.GetUtcNow(), stoppingToken);
                if (points + ids > 0)
                {
                    logger.LogInformation("Retention removed {Points} points and {Ids} event ids", points, ids);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention pass failed; retrying next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One full pass: everything past its age is gone when it returns.</summary>
    public async Task<(long Points, long EventIds)> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pointCutoff = (now - TimeSpan.FromDays(settings.RawPointsDays)).ToUnixTimeMilliseconds();
        long points = 0;
        foreach (var seriesId in await store.SeriesIdsAsync(cancellationToken))
        {
            int deleted;
            do
            {
                deleted = await store.DeletePointsAsync(seriesId, pointCutoff, settings.RowsPerStep, cancellationToken);
                points += deleted;
                await Task.Yield(); // let the writer take the lock between steps
            }
            while (deleted == settings.RowsPerStep);
        }

        var idCutoff = (now - TimeSpan.FromDays(settings.EventIdsDays)).ToUnixTimeMilliseconds();
        long ids = 0;
        int removed;
        do
        {
            removed = await store.DeleteEventIdsAsync(idCutoff, settings.RowsPerStep, cancellationToken);
            ids += removed;
            await Task.Yield();
        }
        while (removed == settings.RowsPerStep);
        return (points, ids);
    }
}
