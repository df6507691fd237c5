using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// Deletes old rows in small steps. Each step is one short transaction on an index range (per series for points),
/// so the ingestion writer, which needs the same write lock, waits at most one step. Freed pages are reused by
/// SQLite for new rows, so at steady state the file stops growing.
/// </summary>
public sealed class RetentionStore(IDbContextFactory<MonitorDbContext> factory)
{
    public async Task<IReadOnlyList<long>> SeriesIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Series.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes up to <paramref name="limit"/> points of one series older than the cutoff; returns how many.</summary>
    public Task<int> DeletePointsAsync(long seriesId, long cutoffMs, int limit, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM Points WHERE Id IN (SELECT Id FROM Points WHERE SeriesId = $series AND TimestampMs < $cutoff LIMIT $limit)",
            cancellationToken, ("$series", seriesId), ("$cutoff", cutoffMs), ("$limit", limit));

    public Task<int> DeleteEventIdsAsync(long cutoffMs, int limit, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM EventIds WHERE Id IN (SELECT Id FROM EventIds WHERE ReceivedMs < $cutoff LIMIT $limit)",
            cancellationToken, ("$cutoff", cutoffMs), ("$limit", limit));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
