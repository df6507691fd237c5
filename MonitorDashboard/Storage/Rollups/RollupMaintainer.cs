using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Keeps the 1-minute and 1-hour rollups of every series up to date as the writer stores points. Aggregates of
/// recently touched buckets live in memory and are written about once per flush interval, together with the id of
/// the newest point they hold (<see cref="RollupProgressRow"/>), so a busy series costs one row write per bucket per
/// second rather than one per commit. Points above that id are rolled up again after a crash.
/// Used by the single writer on its own connection, so nothing here is locked.
/// </summary>
internal sealed class RollupMaintainer(TimeSpan flushInterval, TimeProvider time) : IDisposable
{
    private readonly Dictionary<RollupKey, RollupAggregate> _open = [];
    private readonly HashSet<RollupKey> _dirty = [];
    private readonly Dictionary<long, long> _newestMinuteBySeries = [];
    private long _newestPointId;
    private long _lastFlushTimestamp = time.GetTimestamp();
    private SqliteCommand? _load;
    private SqliteCommand? _save;
    private SqliteCommand? _saveProgress;

    public bool HasUnsavedPoints => _dirty.Count > 0;

    public bool FlushDue => HasUnsavedPoints && time.GetElapsedTime(_lastFlushTimestamp) >= flushInterval;

    /// <summary>Prepares the statements on the writer's connection; call again after the connection was replaced.</summary>
    public void Bind(SqliteConnection connection)
    {
        DisposeCommands();
        _load = SqliteStatements.Prepare(connection,
            "SELECT Count, Sum, Min, Max, Last, LastMs, Sketch FROM Rollups WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs = $bucket",
            "$series", "$resolution", "$bucket");
        _save = SqliteStatements.Prepare(connection,
            """
            INSERT INTO Rollups (SeriesId, ResolutionMs, BucketMs, Count, Sum, Min, Max, Last, LastMs, Sketch)
            VALUES ($series, $resolution, $bucket, $count, $sum, $min, $max, $last, $lastMs, $sketch)
            ON CONFLICT (SeriesId, ResolutionMs, BucketMs) DO UPDATE SET
                Count = excluded.Count, Sum = excluded.Sum, Min = excluded.Min, Max = excluded.Max,
                Last = excluded.Last, LastMs = excluded.LastMs, Sketch = excluded.Sketch
            """,
            "$series", "$resolution", "$bucket", "$count", "$sum", "$min", "$max", "$last", "$lastMs", "$sketch");
        _saveProgress = SqliteStatements.Prepare(connection,
            $"UPDATE RollupProgress SET LastPointId = $id WHERE Id = {RollupProgressRow.SingletonId}", "$id");
    }

    /// <summary>Adds one stored point to its minute and hour buckets, reading a bucket's stored aggregate the first time it is touched.</summary>
    public void Add(SqliteTransaction transaction, long pointId, long seriesId, long timestampMs, double value)
    {
        foreach (var resolution in RollupResolution.All)
        {
            var key = new RollupKey(seriesId, resolution, RollupResolution.BucketStart(timestampMs, resolution));
            if (!_open.TryGetValue(key, out var aggregate))
            {
                aggregate = Load(transaction, key);
                _open[key] = aggregate;
            }
            aggregate.Add(timestampMs, value);
            _dirty.Add(key);
        }
        var minute = RollupResolution.BucketStart(timestampMs, RollupResolution.MinuteMs);
        if (!_newestMinuteBySeries.TryGetValue(seriesId, out var newest) || minute > newest)
        {
            _newestMinuteBySeries[seriesId] = minute;
        }
        _newestPointId = Math.Max(_newestPointId, pointId);
    }

    /// <summary>Writes every changed bucket and the progress mark in the caller's transaction, then forgets buckets that are done.</summary>
    public void Flush(SqliteTransaction transaction)
    {
        var save = Bound(_save, transaction);
        foreach (var key in _dirty)
        {
            var aggregate = _open[key];
            save.Parameters[0].Value = key.SeriesId;
            save.Parameters[1].Value = key.ResolutionMs;
            save.Parameters[2].Value = key.BucketMs;
            save.Parameters[3].Value = aggregate.Count;
            save.Parameters[4].Value = aggregate.Sum;
            save.Parameters[5].Value = aggregate.Min;
            save.Parameters[6].Value = aggregate.Max;
            save.Parameters[7].Value = aggregate.Last;
            save.Parameters[8].Value = aggregate.LastMs;
            save.Parameters[9].Value = aggregate.Sketch.ToBytes();
            save.ExecuteNonQuery();
        }
        var progress = Bound(_saveProgress, transaction);
        progress.Parameters[0].Value = _newestPointId;
        progress.ExecuteNonQuery();
        _dirty.Clear();
        _lastFlushTimestamp = time.GetTimestamp();
        EvictFinishedBuckets();
    }

    /// <summary>After a failed transaction memory may hold points that were never stored: start again from the database.</summary>
    public void Reset()
    {
        _open.Clear();
        _dirty.Clear();
        _newestMinuteBySeries.Clear();
        _newestPointId = 0;
    }

    public void Dispose() => DisposeCommands();

    /// <summary>
    /// Keeps only each series' newest minute and hour in memory: points arrive in about time order, so older
    /// buckets are rarely touched again, and a late point reads its bucket back from the database.
    /// </summary>
    private void EvictFinishedBuckets()
    {
        var finished = _open.Keys.Where(key => key.BucketMs < RollupResolution.BucketStart(_newestMinuteBySeries[key.SeriesId], key.ResolutionMs)).ToList();
        foreach (var key in finished)
        {
            _open.Remove(key);
        }
    }

    private RollupAggregate Load(SqliteTransaction transaction, RollupKey key)
    {
        var load = Bound(_load, transaction);
        load.Parameters[0].Value = key.SeriesId;
        load.Parameters[1].Value = key.ResolutionMs;
        load.Parameters[2].Value = key.BucketMs;
        var aggregate = new RollupAggregate();
        using var reader = load.ExecuteReader();
        if (reader.Read())
        {
            aggregate.Merge(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5),
                reader.GetFieldValue<byte[]>(6));
        }
        return aggregate;
    }

    private static SqliteCommand Bound(SqliteCommand? command, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(command, "Bind was not called");
        command.Transaction = transaction;
        return command;
    }

    private void DisposeCommands()
    {
        _load?.Dispose();
        _save?.Dispose();
        _saveProgress?.Dispose();
    }

    private readonly record struct RollupKey(long SeriesId, long ResolutionMs, long BucketMs);
}
