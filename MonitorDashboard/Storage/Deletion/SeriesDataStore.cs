using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Deletion;

/// <summary>
/// Deletes the point blocks and rollups of many series at once, <c>rowsPerStep</c> rows per short transaction, so a
/// metric a user-id tag split into 10,000 series is cleaned in a few hundred steps rather than three per series (each
/// step is one fsync); the writer takes the lock between steps. The series rows stay: the point store deletes them on
/// the writer's own connection (<see cref="IPointStore.RemoveSeriesAsync"/>).
/// </summary>
public sealed class SeriesDataStore(IDbContextFactory<MonitorDbContext> factory)
{
    /// <summary>One step: up to <paramref name="limit"/> blocks of the series; returns (blocks, points) deleted.</summary>
    public Task<(int Rows, long Points)> DeleteBlocksAsync(IReadOnlyCollection<long> seriesIds, int limit, CancellationToken cancellationToken) =>
        StepAsync("""
            DELETE FROM "PointBlocks" WHERE "Id" IN (
                SELECT "Id" FROM "PointBlocks" WHERE "SeriesId" IN ({0}) LIMIT @limit)
            RETURNING "Count"
            """, seriesIds, limit, cancellationToken);

    /// <summary>One step: up to <paramref name="limit"/> rollups (any resolution) of the series.</summary>
    public async Task<int> DeleteRollupsAsync(IReadOnlyCollection<long> seriesIds, int limit, CancellationToken cancellationToken) =>
        (await StepAsync("""
            DELETE FROM "Rollups" WHERE ("SeriesId", "ResolutionMs", "BucketMs") IN (
                SELECT "SeriesId", "ResolutionMs", "BucketMs" FROM "Rollups" WHERE "SeriesId" IN ({0}) LIMIT @limit)
            RETURNING 0
            """, seriesIds, limit, cancellationToken)).Rows;

    /// <param name="sql">The statement, with <c>{0}</c> where the engine's list of the ids goes.</param>
    private async Task<(int Rows, long Sum)> StepAsync(string sql, IReadOnlyCollection<long> seriesIds, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        // SQLite takes the write lock at once (IMMEDIATE), so the select and the delete see the same rows.
        await using DbTransaction transaction = postgres
            ? await connection.BeginTransactionAsync(cancellationToken)
            : ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The ids as one parameter either way: a JSON array SQLite unpacks, an array PostgreSQL unnests.
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql,
            postgres ? "SELECT unnest(@ids)" : "SELECT value FROM json_each(@ids)");
        command.AddParameter("ids", postgres ? seriesIds.ToArray() : $"[{string.Join(',', seriesIds)}]");
        command.AddParameter("limit", limit);
        int rows = 0;
        long sum = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                sum += reader.GetInt64(0);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return (rows, sum);
    }
}
