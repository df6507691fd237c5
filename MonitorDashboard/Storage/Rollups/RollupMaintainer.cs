namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Keeps the 1-minute and 1-hour rollups of every series up to date as the writer stores points. Aggregates of
/// recently touched buckets live in memory and are saved about once per interval, so a busy series costs one row
/// write per bucket per interval rather than one per commit. Each minute changed since the last save is logged in
/// the same transaction as its points (<see cref="RollupPendingRow"/>), so after a crash exactly those minutes are
/// rolled up again. Used by the single writer only, so nothing here is locked.
/// </summary>
internal sealed class RollupMaintainer(TimeSpan saveInterval, TimeProvider time, int maxSeries = int.MaxValue)
{
    private readonly Dictionary<RollupKey, RollupAggregate> _open = [];
    private readonly HashSet<RollupKey> _unsaved = [];
    private readonly HashSet<(long SeriesId, long MinuteMs)> _logged = [];
    private readonly Dictionary<long, long> _newestMinuteBySeries = [];
    private long _lastSaveTimestamp = time.GetTimestamp();

    public bool HasUnsavedPoints => _unsaved.Count > 0;

    public bool SaveDue => HasUnsavedPoints && time.GetElapsedTime(_lastSaveTimestamp) >= saveInterval;

    /// <summary>Adds one stored point to its minute and hour, reading a bucket's stored aggregate the first time it is touched.</summary>
    public void Add(RollupTables tables, long seriesId, long timestampMs, double value)
    {
        var minute = RollupResolution.BucketStart(timestampMs, RollupResolution.MinuteMs);
        if (_logged.Add((seriesId, minute)))
        {
            tables.MarkPending(seriesId, minute);
        }
        foreach (var resolution in RollupResolution.All)
        {
            var key = new RollupKey(seriesId, resolution, RollupResolution.BucketStart(timestampMs, resolution));
            if (!_open.TryGetValue(key, out var aggregate))
            {
                aggregate = tables.Load(key);
                _open[key] = aggregate;
            }
            aggregate.Add(timestampMs, value);
            _unsaved.Add(key);
        }
        if (!_newestMinuteBySeries.TryGetValue(seriesId, out var newest) || minute > newest)
        {
            _newestMinuteBySeries[seriesId] = minute;
        }
    }

    /// <summary>Saves every changed bucket and clears the pending log in the caller's transaction, then forgets buckets that are done.</summary>
    public void Save(RollupTables tables)
    {
        foreach (var key in _unsaved)
        {
            tables.Save(key, _open[key]);
        }
        tables.ClearPending();
        _unsaved.Clear();
        _logged.Clear();
        _lastSaveTimestamp = time.GetTimestamp();
        if (_newestMinuteBySeries.Count > maxSeries)
        {
            // Everything is saved at this point, so any bucket may go: a series that sends again reads its buckets back.
            Reset();
            return;
        }
        EvictFinishedBuckets();
    }

    /// <summary>
    /// Drops the buckets of deleted series, saved or not: saving them after their series row is gone would fail the
    /// writer's transaction on the foreign key.
    /// </summary>
    public void Forget(IReadOnlySet<long> seriesIds)
    {
        _open.Keys.Where(k => seriesIds.Contains(k.SeriesId)).ToList().ForEach(k => _open.Remove(k));
        _unsaved.RemoveWhere(k => seriesIds.Contains(k.SeriesId));
        _logged.RemoveWhere(m => seriesIds.Contains(m.SeriesId));
        foreach (var id in seriesIds)
        {
            _newestMinuteBySeries.Remove(id);
        }
    }

    /// <summary>After a failed transaction memory may hold points that were never stored: start again from the database.</summary>
    public void Reset()
    {
        _open.Clear();
        _unsaved.Clear();
        _logged.Clear();
        _newestMinuteBySeries.Clear();
    }

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
}
