using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// Deletes old rows in small steps. Each step is one short transaction on an index range (per series for points),
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
    /// Deletes about <paramref name="limit"/> of the oldest points of one series older than the cutoff (a few more when
    /// several share the last millisecond); returns how many. The table has no rowid to LIMIT a DELETE by, so a step
    /// ends at the time of its limit-th point.
    /// </summary>
    public Task<int> DeletePointsAsync(long seriesId, long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync(
            """
            DELETE FROM Points WHERE SeriesId = $series AND TimestampMs < $cutoff AND TimestampMs <= coalesce(
                (SELECT TimestampMs FROM Points WHERE SeriesId = $series AND TimestampMs < $cutoff ORDER BY TimestampMs LIMIT 1 OFFSET $limit - 1),
                $cutoff)
            """,
            cancellationToken, ("$series", seriesId), ("$cutoff", cutoffMs), ("$limit", limit));

    /// <summary>Deletes up to <paramref name="limit"/> rollups of one series and resolution whose bucket starts before the cutoff.</summary>
    public Task<int> DeleteRollupsAsync(long seriesId, long resolutionMs, long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync(
            """
            DELETE FROM Rollups WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs IN (
                SELECT BucketMs FROM Rollups WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs < $cutoff LIMIT $limit)
            """,
            cancellationToken, ("$series", seriesId), ("$resolution", resolutionMs), ("$cutoff", cutoffMs), ("$limit", limit));

    public Task<int> DeleteEventIdsAsync(long cutoffMs, int limit, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("DELETE FROM EventIds WHERE Id IN (SELECT Id FROM EventIds WHERE ReceivedMs < $cutoff LIMIT $limit)",
            cancellationToken, ("$cutoff", cutoffMs), ("$limit", limit));

    /// <summary>Returns up to <paramref name="pages"/> free pages to the file system; returns how many free pages are left.</summary>
    public async Task<long> ReleaseFreePagesAsync(int pages, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync($"PRAGMA incremental_vacuum({pages})", cancellationToken);
        return (long)(await sql.ScalarAsync("PRAGMA freelist_count", cancellationToken))!;
    }
}
