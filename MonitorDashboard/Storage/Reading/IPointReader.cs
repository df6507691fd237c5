using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage.Reading;

/// <summary>Gets one rollup row: its bucket start, its statistics and its sketch (valid only during the call).</summary>
public delegate void RollupVisitor(long bucketMs, RollupStatistics statistics, ReadOnlySpan<byte> sketch);

/// <summary>
/// Reads stored points and rollups one series at a time on one open connection of the configured engine
/// (<see cref="PointReaders"/> opens the right one), so the query side is the same on SQLite and PostgreSQL.
/// </summary>
public interface IPointReader : IDisposable
{
    /// <summary>Replaces the contents of <paramref name="points"/> with the series' points in [<paramref name="fromMs"/>, <paramref name="toMs"/>), in time order.</summary>
    void Read(long seriesId, long fromMs, long toMs, PointList points);

    /// <summary>The series' newest point (the last to arrive of those sharing the newest timestamp), or null without points.</summary>
    (long TimestampMs, double Value)? Newest(long seriesId);

    /// <summary>Visits the series' rollup rows of the segment's resolution and range, in bucket order.</summary>
    void ReadRollups(long seriesId, RangeSegment segment, RollupVisitor visit);
}
