using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage.Reading;

/// <summary>SQLite's reader: prepared native statements for blocks (<see cref="PointBlockReader"/>) and rollups (<see cref="RollupStatement"/>).</summary>
internal sealed class SqlitePointReader(SqliteConnection connection) : IPointReader
{
    private readonly PointBlockReader _blocks = new(connection);
    private readonly RollupStatement _rollups = new(connection);

    public void Read(long seriesId, long fromMs, long toMs, PointList points) => _blocks.Read(seriesId, fromMs, toMs, points);

    public (long TimestampMs, double Value)? Newest(long seriesId) => _blocks.Newest(seriesId);

    public void ReadRollups(long seriesId, RangeSegment segment, RollupVisitor visit)
    {
        _rollups.Start(seriesId, segment);
        while (_rollups.Next())
        {
            var statistics = _rollups.Read(out var sketch);
            visit(_rollups.BucketMs, statistics, sketch);
        }
    }

    public void Dispose()
    {
        _blocks.Dispose();
        _rollups.Dispose();
    }
}
