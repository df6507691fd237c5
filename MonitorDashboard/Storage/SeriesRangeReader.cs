using System.Buffers;
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
    private readonly SqliteCommand _rollups;
    private byte[] _sketch = ArrayPool<byte>.Shared.Rent(4096);

    public SeriesRangeReader(SqliteConnection connection)
    {
        _points = SqliteStatements.Prepare(connection,
            "SELECT TimestampMs, Value FROM Points WHERE SeriesId = $series AND TimestampMs >= $from AND TimestampMs < $to ORDER BY TimestampMs",
            "$series", "$from", "$to");
        _rollups = SqliteStatements.Prepare(connection,
            """
            SELECT BucketMs, Count, Sum, Min, Max, Last, Sketch FROM Rollups
            WHERE SeriesId = $series AND ResolutionMs = $resolution AND BucketMs >= $from AND BucketMs < $to ORDER BY BucketMs
            """,
            "$series", "$resolution", "$from", "$to");
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
                using var reader = Execute(_rollups, seriesId, segment.ResolutionMs, segment.FromMs, segment.ToMs);
                while (reader.Read())
                {
                    Enter(reader.GetInt64(0));
                    aggregator.Merge(reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), ReadSketch(reader, 6));
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
        ArrayPool<byte>.Shared.Return(_sketch);
    }

    private static SqliteDataReader Execute(SqliteCommand command, params long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return command.ExecuteReader();
    }

    /// <summary>Copies the blob into a reused buffer: a week of minute rollups would otherwise allocate ten thousand arrays.</summary>
    private ReadOnlySpan<byte> ReadSketch(SqliteDataReader reader, int ordinal)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        if (length > _sketch.Length)
        {
            ArrayPool<byte>.Shared.Return(_sketch);
            _sketch = ArrayPool<byte>.Shared.Rent(length);
        }
        reader.GetBytes(ordinal, 0, _sketch, 0, length);
        return _sketch.AsSpan(0, length);
    }
}
