using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Rollups;
using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// PostgreSQL's reader: the same block and rollup queries as SQLite's, as Npgsql commands made once per query on one
/// connection and run once per series.
/// Blocks come in (window, id) order; several instances write blocks of one series, so points are sorted (stably) after.
/// Rollups are the stored rows plus the deltas not folded into them yet.
/// </summary>
internal sealed class PostgresPointReader : IPointReader
{
    private readonly NpgsqlCommand _range;
    private readonly NpgsqlCommand _newest;
    private readonly NpgsqlCommand _rollups;

    public PostgresPointReader(NpgsqlConnection connection)
    {
        _range = Command(connection, """
            SELECT "Data" FROM "PointBlocks" WHERE "SeriesId" = $1 AND "WindowMs" >= $2 AND "WindowMs" < $3 AND "EndMs" >= $4
                AND "StartMs" < $3 ORDER BY "WindowMs", "Id"
            """, 4);
        _newest = Command(connection, """
            SELECT "Data" FROM "PointBlocks" WHERE "SeriesId" = $1
                AND "WindowMs" = (SELECT max("WindowMs") FROM "PointBlocks" WHERE "SeriesId" = $1) ORDER BY "Id"
            """, 1);
        // Deltas not folded yet count too: a bucket may come as its row and a few deltas, merged one after the other.
        _rollups = Command(connection, """
            SELECT "BucketMs", "Data" FROM "Rollups" WHERE "SeriesId" = $1 AND "ResolutionMs" = $2 AND "BucketMs" >= $3
                AND "BucketMs" < $4 AND length("Data") > 0
            UNION ALL
            SELECT "BucketMs", "Data" FROM "RollupDeltas" WHERE "SeriesId" = $1 AND "ResolutionMs" = $2 AND "BucketMs" >= $3
                AND "BucketMs" < $4
            ORDER BY 1
            """, 4);
    }

    public void Read(long seriesId, long fromMs, long toMs, PointList points)
    {
        points.Clear();
        if (toMs <= fromMs)
        {
            return;
        }
        using (var reader = Execute(_range, seriesId, BlockWindow.FirstFor(fromMs), toMs, fromMs))
        {
            while (reader.Read())
            {
                points.AddFromBlock(reader.GetFieldValue<byte[]>(0), fromMs, toMs);
            }
        }
        points.SortByTimeStable();
    }

    public (long TimestampMs, double Value)? Newest(long seriesId)
    {
        (long TimestampMs, double Value)? newest = null;
        using var reader = Execute(_newest, seriesId);
        while (reader.Read())
        {
            newest = PointBlockDecoder.Newest(reader.GetFieldValue<byte[]>(0), newest);
        }
        return newest;
    }

    public void ReadRollups(long seriesId, RangeSegment segment, RollupVisitor visit)
    {
        using var reader = Execute(_rollups, seriesId, segment.ResolutionMs, segment.FromMs, segment.ToMs);
        while (reader.Read())
        {
            var bucketMs = reader.GetInt64(0);
            var statistics = RollupCodec.Decode(reader.GetFieldValue<byte[]>(1), bucketMs, out var sketch);
            visit(bucketMs, statistics, sketch);
        }
    }

    public void Dispose()
    {
        _range.Dispose();
        _newest.Dispose();
        _rollups.Dispose();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<long>());
        }
        return command;
    }

    private static NpgsqlDataReader Execute(NpgsqlCommand command, params long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            ((NpgsqlParameter<long>)command.Parameters[i]).TypedValue = values[i];
        }
        return command.ExecuteReader();
    }
}
