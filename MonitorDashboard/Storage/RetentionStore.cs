using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage.Blocks;

namespace MonitorDashboard.Storage;

/// <summary>
/// Deletes old rows in small steps. Each step is one short transaction on an index range (per series for point blocks),
/// so the ingestion writer, which needs the same write lock, waits at most one step. The file is in
/// auto_vacuum=INCREMENTAL mode, so the pages freed are handed back to the file system in small steps too.
/// </summary>
public sealed class RetentionStore(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql)
{
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
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var pruner = new BlockPruner(connection);
        long removed = 0;
        var step = new BlockPruneStep(0, 0, long.MinValue, long.MinValue);
        do
        {
            // IMMEDIATE: the write lock from the start, so the step's reads and writes see the same blocks.
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                step = pruner.Step(seriesId, cutoffMs, blocksPerStep, step.NextWindowMs, step.NextId);
                transaction.Commit();
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
            DELETE FROM Rollups WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs IN (
                SELECT BucketMs FROM Rollups WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs < $cutoff LIMIT $limit)
            """,
            cancellationToken, ("$series", seriesId), ("$resolution", resolutionMs), ("$cutoff", cutoffMs), ("$limit", limit));

    /// <summary>
    /// Deletes up to <paramref name="limit"/> id batches that are older than the cutoff, or wholly older than the last
    /// 2 x <paramref name="window"/> ids (the writer's window never reaches that far back); returns how many batches
    /// and ids. Batches are numbered in arrival order, so both bounds are a prefix of the table.
    /// </summary>
    public async Task<(int Batches, long Ids)> DeleteEventIdsAsync(long cutoffMs, long window, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT min(
                max(coalesce((SELECT FirstOrdinal FROM EventIdBatches WHERE ReceivedMs >= $cutoff ORDER BY FirstOrdinal LIMIT 1), 9223372036854775807),
                    coalesce((SELECT FirstOrdinal FROM EventIdBatches WHERE FirstOrdinal <=
                        (SELECT FirstOrdinal + length(Hashes) / 16 FROM EventIdBatches ORDER BY FirstOrdinal DESC LIMIT 1) - 2 * $window
                        ORDER BY FirstOrdinal DESC LIMIT 1), -1)),
                coalesce((SELECT FirstOrdinal FROM EventIdBatches ORDER BY FirstOrdinal LIMIT 1 OFFSET $limit), 9223372036854775807))
            """;
        command.Parameters.AddWithValue("$cutoff", cutoffMs);
        command.Parameters.AddWithValue("$window", window);
        command.Parameters.AddWithValue("$limit", limit);
        var bound = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$bound", bound);
        command.CommandText = "SELECT count(*), coalesce(sum(length(Hashes) / 16), 0) FROM EventIdBatches WHERE FirstOrdinal < $bound";
        (int Batches, long Ids) deleted;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            deleted = (reader.GetInt32(0), reader.GetInt64(1));
        }
        command.CommandText = "DELETE FROM EventIdBatches WHERE FirstOrdinal < $bound";
        await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return deleted;
    }

    /// <summary>Returns up to <paramref name="pages"/> free pages to the file system; returns how many free pages are left.</summary>
    public async Task<long> ReleaseFreePagesAsync(int pages, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync($"PRAGMA incremental_vacuum({pages})", cancellationToken);
        return (long)(await sql.ScalarAsync("PRAGMA freelist_count", cancellationToken))!;
    }
}
