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
    private readonly SqliteCommand _points;
    private readonly RollupStatement _rollups;

    public SeriesRangeReader(SqliteConnection connection)
    {
        _points = SqliteStatements.Prepare(connection,
            "SELECT TimestampMs, Value FROM Points WHERE SeriesId = $series AND TimestampMs >= $from AND TimestampMs < $to ORDER BY TimestampMs",
            "$series", "$from", "$to");
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
                using var reader = Execute(_points, seriesId, segment.FromMs, segment.ToMs);
                while (reader.Read())
                {
                    Enter(reader.GetInt64(0));
                    aggregator.Add(reader.GetDouble(1));
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

    private static SqliteDataReader Execute(SqliteCommand command, params long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return command.ExecuteReader();
    }
}
