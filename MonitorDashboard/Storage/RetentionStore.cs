using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// Deletes old rows in small steps. Each step is one short transaction on an index range (per series for points),
/// so the ingestion writer, which needs the same write lock, waits at most one step. Freed pages are reused by
/// SQLite for new rows, so at steady state the file stops growing.
/// </summary>
public sealed class RetentionStore(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql)
{
    public async Task<IReadOnlyList<long>> SeriesIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Series.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes up to <paramref name="limit"/> points of one series older than the cutoff; returns how many.</summary>
    public Task<int> DeletePointsAsync(long seriesId, long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("DELETE FROM Points WHERE Id IN (SELECT Id FROM Points WHERE SeriesId = $series AND TimestampMs < $cutoff LIMIT $limit)",
            cancellationToken, ("$series", seriesId), ("$cutoff", cutoffMs), ("$limit", limit));

    public Task<int> DeleteEventIdsAsync(long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("DELETE FROM EventIds WHERE Id IN (SELECT Id FROM EventIds WHERE ReceivedMs < $cutoff LIMIT $limit)",
            cancellationToken, ("$cutoff", cutoffMs), ("$limit", limit));
}
