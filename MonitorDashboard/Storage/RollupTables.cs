using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// The writer's statements on the rollup tables: read and save one rollup row, and the log of minutes whose rollups
/// are not saved yet (<see cref="RollupPendingRow"/>). They run in whatever transaction the writer has open.
/// </summary>
internal sealed class RollupTables(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _load = new(connection,
        "SELECT Data FROM Rollups WHERE SeriesId = ?1 AND ResolutionMs = ?2 AND BucketMs = ?3");
    private readonly NativeStatement _save = new(connection,
        """
        INSERT INTO Rollups (SeriesId, ResolutionMs, BucketMs, Data) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (SeriesId, ResolutionMs, BucketMs) DO UPDATE SET Data = excluded.Data
        """);
    private readonly NativeStatement _markPending = new(connection, "INSERT OR IGNORE INTO RollupPending (SeriesId, MinuteMs) VALUES (?1, ?2)");
    private readonly NativeStatement _clearPending = new(connection, "DELETE FROM RollupPending");
    private readonly NativeStatement _deletePending = new(connection, "DELETE FROM RollupPending WHERE SeriesId = ?1 AND MinuteMs = ?2");
    private readonly NativeStatement _readPending = new(connection, "SELECT SeriesId, MinuteMs FROM RollupPending ORDER BY SeriesId, MinuteMs LIMIT ?1");

    /// <summary>The stored aggregate of a bucket, or an empty one.</summary>
    public RollupAggregate Load(RollupKey key)
    {
        var aggregate = new RollupAggregate();
        _load.Restart();
        _load.Bind(1, key.SeriesId).Bind(2, key.ResolutionMs).Bind(3, key.BucketMs);
        if (_load.Next())
        {
            aggregate.Merge(RollupCodec.Decode(_load.Blob(0), key.BucketMs, out var sketch), sketch);
        }
        _load.Restart();
        return aggregate;
    }

    public void Save(RollupKey key, RollupAggregate aggregate) =>
        _save.Bind(1, key.SeriesId).Bind(2, key.ResolutionMs).Bind(3, key.BucketMs).Bind(4, RollupCodec.Encode(aggregate, key.BucketMs)).Execute();

    public void MarkPending(long seriesId, long minuteMs) => _markPending.Bind(1, seriesId).Bind(2, minuteMs).Execute();

    public void ClearPending() => _clearPending.Execute();

    public void DeletePending(long seriesId, long minuteMs) => _deletePending.Bind(1, seriesId).Bind(2, minuteMs).Execute();

    /// <summary>Up to <paramref name="limit"/> pending minutes, in key order.</summary>
    public List<(long SeriesId, long MinuteMs)> ReadPending(int limit)
    {
        var pending = new List<(long, long)>();
        _readPending.Restart();
        _readPending.Bind(1, limit);
        while (_readPending.Next())
        {
            pending.Add((_readPending.Int64(0), _readPending.Int64(1)));
        }
        _readPending.Restart();
        return pending;
    }

    public void Dispose()
    {
        _load.Dispose();
        _save.Dispose();
        _markPending.Dispose();
        _clearPending.Dispose();
        _deletePending.Dispose();
        _readPending.Dispose();
    }
}
