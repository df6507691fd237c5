using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Deletion;
using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// The hot insert path on PostgreSQL, correct with several instances writing at once: event ids are claimed in the
/// shared EventIds table (<see cref="PostgresEventIds"/>), points go in as new blocks by binary COPY
/// (<see cref="PostgresBlockCopy"/>), and the commit's rollup deltas are inserted beside them
/// (<see cref="PostgresRollupDeltas"/>), all in one transaction per commit, then folded into the rollup rows when the
/// writer is idle (<see cref="PostgresRollupFold"/>). Only series ids are cached, so a failed transaction leaves nothing
/// to undo in memory.
/// Used by this instance's single writer, which is why nothing here is locked.
/// </summary>
public sealed class PostgresPointStore(NpgsqlDataSource dataSource, TimeProvider time, IOptions<StorageOptions> options) : IPointStore
{
    private const string ForeignKeyViolation = "23503";
    private const int FoldChunk = 5_000;

    private readonly SeriesIdCache _seriesIds = new(options.Value.MaxCachedSeriesIds);
    private readonly SeriesRemovals _removals = new();
    private NpgsqlConnection? _connection;
    // Read by the writer's save timer too, hence volatile.
    private volatile bool _deltasWritten = true;

    /// <summary>True while this writer's rollup deltas (or those a crash left, hence true at start) may wait to be folded.</summary>
    public bool HasUnsavedRollups => _deltasWritten || _removals.Pending;

    public bool RollupsCaughtUp => true;

    public Task RemoveSeriesAsync(IReadOnlySet<long> seriesIds) => _removals.Add(seriesIds);

    public async Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        await ApplyRemovalsAsync(cancellationToken);
        (bool[] Stored, Dictionary<SeriesKey, long> Created) result;
        try
        {
            result = await InTransactionAsync((connection, ct) => AppendAsync(connection, points, ct), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == ForeignKeyViolation)
        {
            // Another instance deleted a series this one had cached: forget the cache, and the retry creates it afresh.
            _seriesIds.Clear();
            result = await InTransactionAsync((connection, ct) => AppendAsync(connection, points, ct), cancellationToken);
        }
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in result.Created)
        {
            _seriesIds[key] = id;
        }
        return result.Stored;
    }

    /// <summary>Applies waiting deletions, then folds the rollup deltas (any instance's) into rollup rows.</summary>
    public void FlushRollups() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Nothing to rebuild: every commit's rollups are stored with it, as deltas.</summary>
    public long CatchUpRollups() => 0;

    public void Dispose() => _connection?.Dispose();

    private async Task<(bool[] Stored, Dictionary<SeriesKey, long> Created)> AppendAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = await PostgresEventIds.ClaimAsync(connection, points, now, cancellationToken);
        var keep = new List<PointWrite>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            if (stored[i])
            {
                keep.Add(points[i]);
            }
        }

        var missing = new HashSet<SeriesKey>();
        foreach (var point in keep)
        {
            if (!_seriesIds.TryGetValue(point.Series, out _))
            {
                missing.Add(point.Series);
            }
        }
        var created = await PostgresSeriesRows.FindOrCreateAsync(connection, missing, now, cancellationToken);
        var seriesIds = new long[keep.Count];
        for (var i = 0; i < keep.Count; i++)
        {
            seriesIds[i] = created.TryGetValue(keep[i].Series, out var id) ? id : CachedId(keep[i].Series);
        }

        await PostgresBlockCopy.WriteAsync(connection, keep, seriesIds, cancellationToken);
        await PostgresRollupDeltas.AppendAsync(connection, keep, seriesIds, cancellationToken);
        _deltasWritten = true;
        return (stored, created);
    }

    private long CachedId(SeriesKey key) => _seriesIds.TryGetValue(key, out var id) ? id : throw new InvalidOperationException("series id not cached");

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await ApplyRemovalsAsync(cancellationToken);
        _deltasWritten = false;
        try
        {
            while (await InTransactionAsync((connection, ct) => PostgresRollupFold.FoldAsync(connection, FoldChunk, ct), cancellationToken) == FoldChunk)
            {
            }
        }
        catch
        {
            _deltasWritten = true; // tried again at the next idle moment; readers add unfolded deltas meanwhile
            throw;
        }
    }

    private async Task ApplyRemovalsAsync(CancellationToken cancellationToken)
    {
        if (!_removals.Pending)
        {
            return;
        }
        var requests = _removals.TakeAll();
        var ids = requests.SelectMany(r => r.Ids).ToArray();
        try
        {
            await InTransactionAsync(async (connection, ct) =>
            {
                await using var delete = new NpgsqlCommand("""DELETE FROM "Series" WHERE "Id" = ANY(@ids)""", connection);
                delete.Parameters.AddWithValue("ids", ids);
                return await delete.ExecuteNonQueryAsync(ct);
            }, cancellationToken);
        }
        catch (Exception ex)
        {
            requests.ForEach(r => r.Done.TrySetException(ex));
            return;
        }
        _seriesIds.RemoveIds(ids.ToHashSet());
        requests.ForEach(r => r.Done.TrySetResult());
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the long-lived connection and commits it. On failure the
    /// connection is dropped, so the next call starts on a fresh one.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            var result = await work(_connection, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await _connection.DisposeAsync();
            _connection = null;
            throw;
        }
    }
}
