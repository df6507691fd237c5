using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Blocks;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Rolls up again the minutes left in the pending log (after a crash, or marked by the upgrade that added rollups):
/// each minute from its raw points, then each hour touched from its minutes. Minutes whose raw points retention has
/// already deleted, and hours whose minutes it has deleted, keep what they hold: they cannot be recomputed.
/// </summary>
internal sealed class RollupRebuilder(SqliteConnection connection, RollupTables tables) : IDisposable
{
    private readonly PointBlockReader _blocks = new(connection);
    // Pending minutes come in (series, minute) order: one block window is decoded once for its 60 minutes.
    private readonly PointList _window = new();
    private (long SeriesId, long WindowMs)? _windowRead;
    private readonly RollupStatement _minutes = new(connection);

    /// <summary>Rebuilds up to <paramref name="limit"/> pending minutes in the caller's transaction; returns how many there were.</summary>
    public int RebuildChunk(int limit, long rawKeptFromMs, long minutesKeptFromMs)
    {
        _windowRead = null; // the points may have changed since the last chunk
        var pending = tables.ReadPending(limit);
        var hours = new HashSet<RollupKey>();
        foreach (var (seriesId, minuteMs) in pending)
        {
            if (minuteMs >= rawKeptFromMs)
            {
                SaveIfAny(new RollupKey(seriesId, RollupResolution.MinuteMs, minuteMs), FromRawPoints(seriesId, minuteMs));
            }
            hours.Add(new RollupKey(seriesId, RollupResolution.HourMs, RollupResolution.BucketStart(minuteMs, RollupResolution.HourMs)));
            tables.DeletePending(seriesId, minuteMs);
        }
        foreach (var hour in hours.Where(h => h.BucketMs >= minutesKeptFromMs))
        {
            SaveIfAny(hour, FromMinutes(hour));
        }
        return pending.Count;
    }

    public void Dispose()
    {
        _blocks.Dispose();
        _minutes.Dispose();
    }

    private RollupAggregate FromRawPoints(long seriesId, long minuteMs)
    {
        var window = BlockWindow.Of(minuteMs);
        if (_windowRead != (seriesId, window))
        {
            _blocks.Read(seriesId, window, window + BlockWindow.WidthMs, _window);
            _windowRead = (seriesId, window);
        }
        var aggregate = new RollupAggregate();
        var timestamps = _window.TimestampsMs;
        var values = _window.Values;
        for (var i = _window.LowerBound(minuteMs); i < timestamps.Length && timestamps[i] < minuteMs + RollupResolution.MinuteMs; i++)
        {
            aggregate.Add(timestamps[i], values[i]);
        }
        return aggregate;
    }

    private RollupAggregate FromMinutes(RollupKey hour)
    {
        var aggregate = new RollupAggregate();
        _minutes.Start(hour.SeriesId, new RangeSegment(RollupResolution.MinuteMs, hour.BucketMs, hour.BucketMs + RollupResolution.HourMs));
        while (_minutes.Next())
        {
            aggregate.Merge(_minutes.Read(out var sketch), sketch);
        }
        return aggregate;
    }

    private void SaveIfAny(RollupKey key, RollupAggregate aggregate)
    {
        if (aggregate.Count > 0)
        {
            tables.Save(key, aggregate);
        }
    }
}
