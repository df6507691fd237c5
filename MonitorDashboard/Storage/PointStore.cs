using System.Buffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Deletion;
using MonitorDashboard.Storage.EventIds;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// The hot insert path. A row per point cannot keep up (docs/benchmarks.md), so points go into per-series blocks
/// (<see cref="PointBlockWriter"/>: one row write per series per commit), and event ids into an in-memory window of
/// hashes (<see cref="EventIdWindow"/>) backed by one row per commit (<see cref="EventIdLog"/>), which costs the same
/// whatever the ids look like. Everything goes through prepared statements on one long-lived connection
/// (<see cref="WriterConnection"/>), one transaction per call, and the rollups (<see cref="RollupMaintainer"/>) are kept in step.
/// Used by the single writer only, which is why nothing here is locked.
/// </summary>
public sealed class PointStore(
    IDbContextFactory<MonitorDbContext> factory, TimeProvider time, IOptions<StorageOptions> options, IOptions<RetentionOptions> retention) : IPointStore
{
    private const int CatchUpChunk = 10_000;
    private const int ImportChunk = 50_000;
    private const long EventIdsNotLoaded = -1;

    private readonly SeriesIdCache _seriesIds = new(options.Value.MaxCachedSeriesIds);
    private readonly SeriesRemovals _removals = new();
    private readonly PointBlockWriter _blocks = new();
    private readonly EventIdWindow _eventIds = new(retention.Value.EventIdWindow);
    private readonly ArrayBufferWriter<byte> _newIdHashes = new();
    // The ordinal the next new event id gets in the id log; reloaded with the window after a failed transaction.
    private long _nextIdOrdinal = EventIdsNotLoaded;
    private readonly RollupMaintainer _rollups = new(TimeSpan.FromMilliseconds(options.Value.RollupFlushIntervalMilliseconds), time, options.Value.MaxRollupSeries);
    private WriterConnection? _writer;
    // Read by the writer's save timer too, hence volatile.
    private volatile bool _rollupsBehind = true;

    /// <summary>
    /// True when rollups wait to be saved: points held in memory, or minutes left pending by a failed transaction.
    /// The writer saves them when idle.
    /// </summary>
    public bool HasUnsavedRollups => _rollups.HasUnsavedPoints || _rollupsBehind;

    /// <summary>False until the minutes left pending (by a crash, a failed transaction or the upgrade) are rolled up again.</summary>
    public bool RollupsCaughtUp => !_rollupsBehind;

    /// <summary>Series ids held in memory (bounded by Storage:MaxCachedSeriesIds).</summary>
    public int CachedSeriesIds => _seriesIds.Count;

    /// <summary>
    /// Deletes the series rows on the writer's connection before its next commit or idle rollup save (see
    /// <see cref="SeriesRemovals"/>); the caller wakes the writer. Completes when committed.
    /// </summary>
    public Task RemoveSeriesAsync(IReadOnlySet<long> seriesIds) => _removals.Add(seriesIds);

    /// <summary>Stores all points in one transaction; returns, per point, whether it was new (false: its event id was already stored).</summary>
    public Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ApplyRemovals();
        if (_rollupsBehind)
        {
            CatchUpRollups();
        }
        var newSeries = new Dictionary<SeriesKey, long>();
        var stored = InTransaction(writer => Append(writer, points, newSeries));
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in newSeries)
        {
            _seriesIds[key] = id;
        }
        return Task.FromResult(stored);
    }

    /// <summary>Saves the rollups still held in memory, after rolling up minutes a failed transaction left pending.</summary>
    public void FlushRollups()
    {
        ApplyRemovals();
        if (_rollupsBehind)
        {
            CatchUpRollups();
        }
        if (_rollups.HasUnsavedPoints)
        {
            InTransaction(writer =>
            {
                _rollups.Save(writer.Rollups);
                return true;
            });
        }
    }

    /// <summary>
    /// Moves rows of the row-per-point layout into blocks (<see cref="LegacyRowImporter"/>), then rolls up again the
    /// minutes whose rollups were not saved (after a crash, or marked by the upgrade that added rollups). One
    /// transaction per chunk; returns how many minutes it rebuilt.
    /// </summary>
    public long CatchUpRollups()
    {
        ImportLegacyRows();
        var now = time.GetUtcNow();
        var rawKeptFrom = (now - TimeSpan.FromDays(retention.Value.RawPointsDays)).ToUnixTimeMilliseconds();
        var minutesKeptFrom = (now - TimeSpan.FromDays(retention.Value.MinuteRollupDays)).ToUnixTimeMilliseconds();
        long total = 0;
        int rebuilt;
        do
        {
            rebuilt = InTransaction(writer => writer.Rebuilder.RebuildChunk(CatchUpChunk, rawKeptFrom, minutesKeptFrom));
            total += rebuilt;
        }
        while (rebuilt == CatchUpChunk);
        _rollupsBehind = false;
        return total;
    }

    public void Dispose() => _writer?.Dispose();

    private void ApplyRemovals()
    {
        if (!_removals.Pending)
        {
            return;
        }
        var requests = _removals.TakeAll();
        var ids = requests.SelectMany(r => r.Ids).ToHashSet();
        try
        {
            InTransaction(writer =>
            {
                SeriesRemovals.Delete(writer.Connection, ids);
                return true;
            });
        }
        catch (Exception ex)
        {
            // InTransaction dropped the caches; the points waiting behind this are still committed.
            requests.ForEach(r => r.Done.TrySetException(ex));
            return;
        }
        _seriesIds.RemoveIds(ids);
        _blocks.Forget(ids);
        _rollups.Forget(ids);
        requests.ForEach(r => r.Done.TrySetResult());
    }

    private void ImportLegacyRows()
    {
        int moved;
        long total = 0;
        do
        {
            moved = InTransaction(writer => writer.Legacy.ImportPoints(ImportChunk, _blocks, writer.Blocks));
            total += moved;
        }
        while (moved == ImportChunk);
        _blocks.CloseAll();
        do
        {
            moved = InTransaction(writer =>
            {
                LoadEventIds(writer);
                var ids = writer.Legacy.ImportEventIds(ImportChunk, _eventIds, writer.EventIds, _nextIdOrdinal);
                _nextIdOrdinal += ids;
                return ids;
            });
            total += moved;
        }
        while (moved == ImportChunk);
        if (total > 0)
        {
            InTransaction(writer =>
            {
                writer.Legacy.ReleaseFreePages();
                return true;
            });
        }
    }

    private void LoadEventIds(WriterConnection writer)
    {
        if (_nextIdOrdinal == EventIdsNotLoaded)
        {
            _nextIdOrdinal = writer.EventIds.Load(_eventIds);
        }
    }

    private bool[] Append(WriterConnection writer, IReadOnlyList<PointWrite> points, Dictionary<SeriesKey, long> newSeries)
    {
        LoadEventIds(writer);
        _newIdHashes.ResetWrittenCount();
        var stored = new bool[points.Count];
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.EventId is not null)
            {
                var hash = EventIdHash.Of(point.EventId);
                if (!_eventIds.TryAdd(hash))
                {
                    continue; // already stored by an earlier request or earlier in this one
                }
                EventIdHash.Write(_newIdHashes.GetSpan(EventIdHash.Size), hash);
                _newIdHashes.Advance(EventIdHash.Size);
            }

            if (!_seriesIds.TryGetValue(point.Series, out var seriesId) && !newSeries.TryGetValue(point.Series, out seriesId))
            {
                seriesId = writer.FindOrCreateSeries(point.Series, now);
                newSeries[point.Series] = seriesId;
            }

            _blocks.Append(writer.Blocks, seriesId, point.TimestampMs, point.Value);
            _rollups.Add(writer.Rollups, seriesId, point.TimestampMs, point.Value);
            stored[i] = true;
        }

        _blocks.Flush(writer.Blocks);
        if (_newIdHashes.WrittenCount > 0)
        {
            writer.EventIds.Append(_nextIdOrdinal, now, _newIdHashes.WrittenSpan);
            _nextIdOrdinal += _newIdHashes.WrittenCount / EventIdHash.Size;
        }
        if (_rollups.SaveDue)
        {
            _rollups.Save(writer.Rollups);
        }
        return stored;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the long-lived connection and commits it. On failure the
    /// connection, the open blocks, the id window and the rollups held in memory are dropped, so the next call starts
    /// again from what the database holds (the pending log rolled back with the points, so it still names every minute
    /// not saved; the id log rolled back with them too, so the window is rebuilt from exactly the committed ids).
    /// </summary>
    private T InTransaction<T>(Func<WriterConnection, T> work)
    {
        _writer ??= new WriterConnection(factory.CreateDbContext(), options.Value.WriterLockTimeoutSeconds);
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            _writer.Enlist(transaction);
            var result = work(_writer);
            transaction.Commit();
            return result;
        }
        catch
        {
            _rollups.Reset();
            _blocks.CloseAll();
            _nextIdOrdinal = EventIdsNotLoaded;
            _rollupsBehind = true;
            _writer.Dispose();
            _writer = null;
            throw;
        }
    }
}
