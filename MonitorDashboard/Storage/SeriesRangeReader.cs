using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// Reads the buckets of one series at a time over the segments a <see cref="ResolutionPlan"/> chose, raw points
/// and rollup rows alike, through the engine's <see cref="IPointReader"/> on one connection. Segments come in time order and points and rows
/// within them too, so buckets complete one after the other; memory holds one raw segment's points at most (raw
/// segments are short: the plan reads longer ranges from rollups).
/// </summary>
internal sealed class SeriesRangeReader(IPointReader reader)
{
    private readonly PointList _points = new();

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
                reader.Read(seriesId, segment.FromMs, segment.ToMs, _points);
                for (var i = 0; i < _points.Count; i++)
                {
                    Enter(_points.TimestampsMs[i]);
                    aggregator.Add(_points.Values[i]);
                }
            }
            else
            {
                reader.ReadRollups(seriesId, segment, (bucketMs, statistics, sketch) =>
                {
                    Enter(bucketMs);
                    aggregator.Merge(statistics, sketch);
                });
            }
        }
        if (aggregator.Count > 0)
        {
            buckets.Add(aggregator.Complete(current));
        }
        return buckets;
    }
}
