using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Retention;

/// <summary>
/// PostgreSQL's retention: event ids are rows of the shared EventIdClaims table, forgotten by age alone (the de-duplication
/// window is Retention:EventIdsDays there, whatever the count), and autovacuum reuses the space freed.
/// </summary>
public sealed class PostgresRetentionStore(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql) : RetentionStore(factory, sql)
{
    private readonly SqlRunner _sql = sql;

    public override async Task<(int Batches, long Ids)> DeleteEventIdsAsync(long cutoffMs, long window, int limit, CancellationToken cancellationToken)
    {
        var deleted = await _sql.ExecuteAsync(
            """
            DELETE FROM "EventIdClaims" WHERE "Hash" IN (SELECT "Hash" FROM "EventIdClaims" WHERE "ReceivedMs" < @cutoff LIMIT @limit)
            """,
            cancellationToken, ("cutoff", cutoffMs), ("limit", limit));
        return (deleted, deleted);
    }

    /// <summary>Nothing to hand back by hand: autovacuum marks freed space for reuse.</summary>
    public override Task<long> ReleaseFreePagesAsync(int pages, CancellationToken cancellationToken) => Task.FromResult(0L);

    /// <summary>
    /// A plain transaction: no writer updates a stored block on PostgreSQL (each commit adds new ones), so a step's
    /// reads and writes cannot race one.
    /// </summary>
    protected override async Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);
}
