using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// Reads the raw points of one series in a time range from the blocks that overlap it, in time order; points with
/// equal timestamps keep their arrival order. Blocks come in (window, arrival) order, so the points only need sorting
/// when a block holds points out of time order (late or unordered arrivals), and the sort is stable.
/// </summary>
internal sealed class PointBlockReader(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _range = new(connection,
        "SELECT Data FROM PointBlocks WHERE SeriesId = ?1 AND WindowMs >= ?2 AND WindowMs < ?3 AND EndMs >= ?4 AND StartMs < ?3 ORDER BY WindowMs, Id");
    private readonly NativeStatement _newestWindow = new(connection,
        "SELECT Data FROM PointBlocks WHERE SeriesId = ?1 AND WindowMs = (SELECT max(WindowMs) FROM PointBlocks WHERE SeriesId = ?1) ORDER BY Id");

    /// <summary>Replaces the contents of <paramref name="points"/> with the series' points in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public void Read(long seriesId, long fromMs, long toMs, PointList points)
    {
        points.Clear();
        if (toMs <= fromMs)
        {
            return;
        }
        _range.Restart();
        _range.Bind(1, seriesId).Bind(2, BlockWindow.FirstFor(fromMs)).Bind(3, toMs).Bind(4, fromMs);
        while (_range.Next())
        {
            points.AddFromBlock(_range.Blob(0), fromMs, toMs);
        }
        _range.Restart();
        points.SortByTimeStable();
    }

    /// <summary>The series' newest point (the last to arrive of those sharing the newest timestamp), or null without points.</summary>
    public (long TimestampMs, double Value)? Newest(long seriesId)
    {
        (long TimestampMs, double Value)? newest = null;
        _newestWindow.Restart();
        _newestWindow.Bind(1, seriesId);
        while (_newestWindow.Next())
        {
            newest = PointBlockDecoder.Newest(_newestWindow.Blob(0), newest);
        }
        _newestWindow.Restart();
        return newest;
    }

    public void Dispose()
    {
        _range.Dispose();
        _newestWindow.Dispose();
    }
}
