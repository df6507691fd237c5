using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// Reads the buckets of one series at a time over the segments a <see cref="ResolutionPlan"/> chose, raw points
/// and rollup rows alike, through prepared statements on one connection. Segments come in time order and rows
/// within them too, so buckets complete one after the other and memory holds one bucket, not the range.
/// </summary>
internal sealed class SeriesRangeReader : IDisposable
{
    private readonly PointRangeStatement _points;
    private readonly RollupStatement _rollups;

    public SeriesRangeReader(SqliteConnection connection)
    {
        _points = new PointRangeStatement(connection);
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
                _points.Start(seriesId, segment.FromMs, segment.ToMs);
                while (_points.Next())
                {
                    Enter(_points.TimestampMs);
                    aggregator.Add(_points.Value);
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
        _points.Dispose();
        _rollups.Dispose();
    }

}
