using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// Reads the buckets of one series at a time over the segments a <see cref="ResolutionPlan"/> chose, raw points
/// and rollup rows alike, through prepared statements on one connection. Segments come in time order and points and rows
/// within them too, so buckets complete one after the other; memory holds one raw segment's points at most (raw
/// segments are short: the plan reads longer ranges from rollups).
/// </summary>
internal sealed class SeriesRangeReader : IDisposable
{
    private readonly PointBlockReader _blocks;
    private readonly PointList _points = new();
    private readonly RollupStatement _rollups;

    public SeriesRangeReader(SqliteConnection connection)
    {
        _blocks = new PointBlockReader(connection);
        _rollups = new RollupStatement(connection);
    }

    /// <summary>Buckets of <paramref name="stepMs"/> aligned to the epoch, or one bucket starting at <paramref name="rangeFromMs"/> when null.</summary>
    public List<Bucket> Read(long seriesId, IReadOnlyList<RangeSegment> segments, long rangeFromMs, long? stepMs)
    {
        var buckets = new List<Bucket>();
        var aggregator = new BucketAggregator();
        var current = long.MinValue;
        void Enter(long timestampMs)
        {
            var start = stepMs is { } step ? RollupResolution.BucketStart(timestampMs, step) : rangeFromMs;
            if (start != current)
            {
                if (aggregator.Count > 0)
                {
                    buckets.Add(aggregator.Complete(current));
                }
                current = start;
            }
        }

        foreach (var segment in segments)
        {
            if (segment.ResolutionMs == RangeSegment.Raw)
            {
                _blocks.Read(seriesId, segment.FromMs, segment.ToMs, _points);
                for (var i = 0; i < _points.Count; i++)
                {
                    Enter(_points.TimestampsMs[i]);
                    aggregator.Add(_points.Values[i]);
                }
            }
            else
            {
                _rollups.Start(seriesId, segment);
                while (_rollups.Next())
                {
                    Enter(_rollups.BucketMs);
                    aggregator.Merge(_rollups.Read(out var sketch), sketch);
                }
            }
        }
        if (aggregator.Count > 0)
        {
            buckets.Add(aggregator.Complete(current));
        }
        return buckets;
    }

    public void Dispose()
    {
        _blocks.Dispose();
        _rollups.Dispose();
    }
}
