using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Rolls up again the minutes left in the pending log (after a crash, or marked by the upgrade that added rollups):
/// each minute from its raw points, then each hour touched from its minutes. Minutes whose raw points retention has
/// already deleted, and hours whose minutes it has deleted, keep what they hold: they cannot be recomputed.
/// </summary>
internal sealed class RollupRebuilder(SqliteConnection connection, RollupTables tables) : IDisposable
{
    private readonly PointRangeStatement _points = new(connection);
    private readonly RollupStatement _minutes = new(connection);

    /// <summary>Rebuilds up to <paramref name="limit"/> pending minutes in the caller's transaction; returns how many there were.</summary>
    public int RebuildChunk(int limit, long rawKeptFromMs, long minutesKeptFromMs)
    {
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
        _points.Dispose();
        _minutes.Dispose();
    }

    private RollupAggregate FromRawPoints(long seriesId, long minuteMs)
    {
        var aggregate = new RollupAggregate();
        _points.Start(seriesId, minuteMs, minuteMs + RollupResolution.MinuteMs);
        while (_points.Next())
        {
            aggregate.Add(_points.TimestampMs, _points.Value);
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
