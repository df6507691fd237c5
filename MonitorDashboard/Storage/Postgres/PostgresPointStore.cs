using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Deletion;
using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// The hot insert path on PostgreSQL, correct with several instances writing at once: event ids are claimed in the
/// shared EventIds table (<see cref="PostgresEventIds"/>), points go in as new blocks by binary COPY
/// (<see cref="PostgresBlockCopy"/>), and the commit's rollup deltas are inserted beside them
/// (<see cref="PostgresRollupDeltas"/>), all in one transaction per commit. Deltas are folded into the rollup rows a
/// bounded chunk at a time (<see cref="PostgresRollupFold"/>): after a commit once per rollup save interval, so a busy
/// writer folds too, and whenever the writer is idle. Only series ids are cached, so a failed transaction leaves nothing
/// to undo in memory; a deadlock with another instance (PostgreSQL aborts one side) is retried.
/// Used by this instance's single writer, which is why nothing here is locked.
/// </summary>
public sealed class PostgresPointStore(
    NpgsqlDataSource dataSource, TimeProvider time, IOptions<StorageOptions> options, ILogger<PostgresPointStore> logger) : IPointStore
{
    private const string ForeignKeyViolation = "23503";
    private const string Deadlock = "40P01";
    private const int MaxAttempts = 3;
    /// <summary>Deltas per fold transaction: a few milliseconds of the writer's time, not a drain of every instance's backlog.</summary>
    private const int FoldChunk = 2_000;
    private readonly TimeSpan _foldInterval = TimeSpan.FromMilliseconds(options.Value.RollupFlushIntervalMilliseconds);
    private long _lastFold = time.GetTimestamp();

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
        var result = await WithRetriesAsync((connection, ct) => AppendAsync(connection, points, ct), cancellationToken);
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in result.Created)
        {
            _seriesIds[key] = id;
        }
        if (_deltasWritten && time.GetElapsedTime(_lastFold) >= _foldInterval)
        {
            try
            {
                await FoldChunkAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // The points are committed; the deltas wait for the next fold, and readers add them meanwhile.
                logger.LogWarning(ex, "Folding rollup deltas failed; tried again later");
            }
        }
        return result.Stored;
    }

    /// <summary>Applies waiting deletions, then folds a chunk of rollup deltas (any instance's) into rollup rows.</summary>
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

        // Each key looked up once: in the cache, else found or created in this transaction.
        var ids = new Dictionary<SeriesKey, long>();
        var missing = new HashSet<SeriesKey>();
        foreach (var point in keep)
        {
            if (!ids.ContainsKey(point.Series) && !missing.Contains(point.Series))
            {
                if (_seriesIds.TryGetValue(point.Series, out var cached))
                {
                    ids[point.Series] = cached;
                }
                else
                {
                    missing.Add(point.Series);
                }
            }
        }
        var created = await PostgresSeriesRows.FindOrCreateAsync(connection, missing, now, cancellationToken);
        foreach (var (key, id) in created)
        {
            ids[key] = id;
        }
        var seriesIds = keep.Select(p => ids[p.Series]).ToArray();

        await PostgresBlockCopy.WriteAsync(connection, keep, seriesIds, cancellationToken);
        await PostgresRollupDeltas.AppendAsync(connection, keep, seriesIds, cancellationToken);
        _deltasWritten = true;
        return (stored, created);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await ApplyRemovalsAsync(cancellationToken);
        await FoldChunkAsync(cancellationToken);
    }

    /// <summary>One chunk; while chunks come back full, more wait, and the writer's save timer asks again.</summary>
    private async Task FoldChunkAsync(CancellationToken cancellationToken)
    {
        _lastFold = time.GetTimestamp();
        _deltasWritten = false;
        try
        {
            if (await WithRetriesAsync((connection, ct) => PostgresRollupFold.FoldAsync(connection, FoldChunk, ct), cancellationToken) == FoldChunk)
            {
                _deltasWritten = true;
            }
        }
        catch
        {
            _deltasWritten = true; // tried again later; readers add unfolded deltas meanwhile
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
            await WithRetriesAsync(async (connection, ct) =>
            {
                // Rows locked in id order first, as a commit's blocks lock them: two instances cannot wait on each other.
                await using var delete = new NpgsqlCommand("""
                    DELETE FROM "Series" WHERE "Id" IN (SELECT "Id" FROM "Series" WHERE "Id" = ANY(@ids) ORDER BY "Id" FOR UPDATE)
                    """, connection);
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
    /// <see cref="InTransactionAsync"/>, again after a deadlock PostgreSQL broke by aborting this side, or after a foreign-key
    /// violation: another instance deleted a series this one had cached, so the cache is dropped and the series made afresh.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InTransactionAsync(work, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && ex.SqlState is Deadlock or ForeignKeyViolation)
            {
                if (ex.SqlState == ForeignKeyViolation)
                {
                    _seriesIds.Clear();
                }
            }
        }
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
