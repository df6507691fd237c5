using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage.Blocks;

namespace MonitorDashboard.Storage.Retention;

/// <summary>
/// Deletes old rows in small steps. Each step is one short transaction on an index range (per series for point blocks),
/// so a writer that needs the same rows waits at most one step. Points and rollups are deleted alike on both engines;
/// event ids and giving space back differ (<see cref="SqliteRetentionStore"/>, <see cref="PostgresRetentionStore"/>).
/// </summary>
public abstract class RetentionStore(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql)
{
    protected IDbContextFactory<MonitorDbContext> Factory => factory;

    public async Task<IReadOnlyList<long>> SeriesIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Series.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes every point of one series older than the cutoff (<see cref="BlockPruner"/>), <paramref name="blocksPerStep"/>
    /// blocks per transaction; returns how many points.
    /// </summary>
    public async Task<long> DeletePointsAsync(long seriesId, long cutoffMs, int blocksPerStep, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var pruner = new BlockPruner(connection);
        long removed = 0;
        var step = new BlockPruneStep(0, 0, long.MinValue, long.MinValue);
        do
        {
            await using (var transaction = await BeginStepAsync(connection, cancellationToken))
            {
                step = pruner.Step(seriesId, cutoffMs, blocksPerStep, step.NextWindowMs, step.NextId);
                await transaction.CommitAsync(cancellationToken);
            }
            removed += step.PointsRemoved;
            await Task.Yield(); // let the writer take the lock between steps
        }
        while (step.Examined == blocksPerStep);
        return removed;
    }

    /// <summary>Deletes up to <paramref name="limit"/> rollups of one series and resolution whose bucket starts before the cutoff.</summary>
    public Task<int> DeleteRollupsAsync(long seriesId, long resolutionMs, long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync(
            """
            DELETE FROM "Rollups" WHERE "SeriesId" = @series AND "ResolutionMs" = @resolution AND "BucketMs" IN (
                SELECT "BucketMs" FROM "Rollups" WHERE "SeriesId" = @series AND "ResolutionMs" = @resolution AND "BucketMs" < @cutoff LIMIT @limit)
            """,
            cancellationToken, ("series", seriesId), ("resolution", resolutionMs), ("cutoff", cutoffMs), ("limit", limit));

    /// <summary>
    /// Deletes up to <paramref name="limit"/> stored event ids (or batches of them) that are older than the cutoff or
    /// that the engine's de-duplication no longer needs; returns how many rows and ids.
    /// </summary>
    public abstract Task<(int Batches, long Ids)> DeleteEventIdsAsync(long cutoffMs, long window, int limit, CancellationToken cancellationToken);

    /// <summary>Returns up to <paramref name="pages"/> free pages to the file system; returns how many free pages are left.</summary>
    public abstract Task<long> ReleaseFreePagesAsync(int pages, CancellationToken cancellationToken);

    /// <summary>A transaction for one pruning step, taking the engine's write lock as soon as it needs to.</summary>
    protected abstract Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken);
}
