using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Retention;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Retention;

/// <summary>
/// Prunes raw points, rollups and remembered event ids past their age, then hands the freed pages back to the file
/// system, all in the background and in small steps (each one short transaction) so ingestion never waits long.
/// </summary>
public sealed class RetentionService(
    RetentionStore store, IPointStore points, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>Pages (4 KiB each) released per step.</summary>
    private const int PagesPerStep = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Rolling up pending minutes reads their raw points: pruning them meanwhile would leave those minutes short.
        while (!points.RollupsCaughtUp)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
        }
        // The first pass comes one interval after start: a restart does not begin with a burst of deletes.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PruneIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await PruneAsync(time.GetUtcNow(), stoppingToken);
                if (result.Rows > 0)
                {
                    logger.LogInformation("Retention removed {Points} points, {MinuteRollups} minute and {HourRollups} hour rollups, {Ids} event ids",
                        result.Points, result.MinuteRollups, result.HourRollups, result.EventIds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention pass failed; retrying next interval");
            }
        }
    }

    /// <summary>One full pass: everything past its age is gone, and its pages released, when it returns.</summary>
    public async Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        long points = 0, minutes = 0, hours = 0;
        foreach (var seriesId in await store.SeriesIdsAsync(cancellationToken))
        {
            points += await store.DeletePointsAsync(seriesId, CutoffMs(now, settings.RawPointsDays), settings.RowsPerStep, cancellationToken);
            minutes += await InStepsAsync(limit =>
                store.DeleteRollupsAsync(seriesId, RollupResolution.MinuteMs, CutoffMs(now, settings.MinuteRollupDays), limit, cancellationToken));
            hours += await InStepsAsync(limit =>
                store.DeleteRollupsAsync(seriesId, RollupResolution.HourMs, CutoffMs(now, settings.HourRollupDays), limit, cancellationToken));
        }
        long ids = 0;
        (int Batches, long Ids) step;
        do
        {
            step = await store.DeleteEventIdsAsync(CutoffMs(now, settings.EventIdsDays), settings.EventIdWindow, settings.RowsPerStep, cancellationToken);
            ids += step.Ids;
            await Task.Yield();
        }
        while (step.Batches >= settings.RowsPerStep);

        long freePages;
        long previous = long.MaxValue;
        // Stops when nothing is left, or when the writer keeps freeing pages as fast (no endless loop under load).
        while ((freePages = await store.ReleaseFreePagesAsync(PagesPerStep, cancellationToken)) > 0 && freePages < previous)
        {
            previous = freePages;
            await Task.Yield();
        }
        return new PruneResult(points, minutes, hours, ids, freePages);
    }

    private static long CutoffMs(DateTimeOffset now, int days) => (now - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds();

    private Task<long> InStepsAsync(Func<int, Task<int>> deleteStep) => StepwiseDelete.RunAsync(options.Value.RowsPerStep, deleteStep);
}
