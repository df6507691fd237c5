using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Retention;

/// <summary>
/// SQLite's retention: event ids live in per-commit batches the writer's window was rebuilt from, and the file is in
/// auto_vacuum=INCREMENTAL mode, so the pages freed are handed back to the file system in small steps too.
/// </summary>
public sealed class SqliteRetentionStore(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql) : RetentionStore(factory, sql)
{
    private readonly SqlRunner _sql = sql;

    /// <summary>
    /// Deletes up to <paramref name="limit"/> id batches that are older than the cutoff, or wholly older than the last
    /// 2 x <paramref name="window"/> ids (the writer's window never reaches that far back). Batches are numbered in
    /// arrival order, so both bounds are a prefix of the table.
    /// </summary>
    public override async Task<(int Batches, long Ids)> DeleteEventIdsAsync(long cutoffMs, long window, int limit, CancellationToken cancellationToken)
    {
        await using var db = await Factory.CreateDbContextAsync(cancellationToken);
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

    public override async Task<long> ReleaseFreePagesAsync(int pages, CancellationToken cancellationToken)
    {
        await _sql.ExecuteAsync($"PRAGMA incremental_vacuum({pages})", cancellationToken);
        return (long)(await _sql.ScalarAsync("PRAGMA freelist_count", cancellationToken))!;
    }

    /// <summary>IMMEDIATE: the write lock from the start, so the step's reads and writes see the same blocks.</summary>
    protected override Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
