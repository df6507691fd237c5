using System.Buffers;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.EventIds;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// The upgrade from one row per point: rows left in the old <c>Points</c> and <c>EventIds</c> tables (by a version
/// before blocks, or by a bulk load that writes rows) are moved into blocks and id batches at start, a chunk per
/// transaction, in key order, so every point is kept with its order and every remembered id keeps de-duplicating.
/// </summary>
internal sealed class LegacyRowImporter(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _points = new(connection,
        "SELECT SeriesId, TimestampMs, Seq, Value FROM Points ORDER BY SeriesId, TimestampMs, Seq LIMIT ?1");
    private readonly NativeStatement _deletePoints = new(connection, "DELETE FROM Points WHERE (SeriesId, TimestampMs, Seq) <= (?1, ?2, ?3)");
    private readonly NativeStatement _ids = new(connection, "SELECT rowid, Id, ReceivedMs FROM EventIds ORDER BY rowid LIMIT ?1");
    private readonly NativeStatement _deleteIds = new(connection, "DELETE FROM EventIds WHERE rowid <= ?1");
    private readonly NativeStatement _releaseFreePages = new(connection, "PRAGMA incremental_vacuum");

    /// <summary>Moves up to <paramref name="limit"/> points into blocks (flushed, not yet closed); returns how many.</summary>
    public int ImportPoints(int limit, PointBlockWriter blocks, BlockStatements statements)
    {
        var count = 0;
        long series = 0, timestamp = 0, seq = 0;
        _points.Restart();
        _points.Bind(1, limit);
        while (_points.Next())
        {
            (series, timestamp, seq) = (_points.Int64(0), _points.Int64(1), _points.Int64(2));
            blocks.Append(statements, series, timestamp, _points.Double(3));
            count++;
        }
        _points.Restart();
        if (count > 0)
        {
            blocks.Flush(statements);
            _deletePoints.Bind(1, series).Bind(2, timestamp).Bind(3, seq).Execute();
        }
        return count;
    }

    /// <summary>Moves up to <paramref name="limit"/> remembered ids into one batch; returns how many.</summary>
    public int ImportEventIds(int limit, EventIdWindow window, EventIdLog log, long firstOrdinal)
    {
        var hashes = new ArrayBufferWriter<byte>();
        long lastRow = 0, receivedMs = 0;
        _ids.Restart();
        _ids.Bind(1, limit);
        while (_ids.Next())
        {
            lastRow = _ids.Int64(0);
            receivedMs = Math.Max(receivedMs, _ids.Int64(2));
            var hash = EventIdHash.Of(_ids.Text(1));
            window.TryAdd(hash);
            EventIdHash.Write(hashes.GetSpan(EventIdHash.Size), hash);
            hashes.Advance(EventIdHash.Size);
        }
        _ids.Restart();
        if (hashes.WrittenCount > 0)
        {
            log.Append(firstOrdinal, receivedMs, hashes.WrittenSpan);
            _deleteIds.Bind(1, lastRow).Execute();
        }
        return hashes.WrittenCount / EventIdHash.Size;
    }

    /// <summary>Hands the pages the moved rows took back to the file system, so an upgraded file shrinks to its blocks.</summary>
    public void ReleaseFreePages()
    {
        _releaseFreePages.Restart();
        while (_releaseFreePages.Next())
        {
        }
        _releaseFreePages.Restart();
    }

    public void Dispose()
    {
        _releaseFreePages.Dispose();
        _points.Dispose();
        _deletePoints.Dispose();
        _ids.Dispose();
        _deleteIds.Dispose();
    }
}
