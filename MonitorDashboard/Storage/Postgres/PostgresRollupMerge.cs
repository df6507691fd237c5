using MonitorDashboard.Storage.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// Keeps rollups exact with several writers: each commit adds its own points to the stored minute and hour rows in its
/// own transaction, under row locks. Missing rows are first inserted empty (a concurrent insert of the same row waits
/// for the other commit), then all rows are locked in key order, merged with this commit's aggregates and written
/// back. Nothing is held in memory between commits, so there is nothing to lose in a crash and no pending log.
/// </summary>
internal static class PostgresRollupMerge
{
    private const string InsertMissing = """
        INSERT INTO "Rollups" ("SeriesId", "ResolutionMs", "BucketMs", "Data")
        SELECT s, r, b, ''::bytea FROM unnest(@series, @resolutions, @buckets) AS k(s, r, b) ORDER BY s, r, b
        ON CONFLICT DO NOTHING
        """;

    private const string Lock = """
        SELECT "SeriesId", "ResolutionMs", "BucketMs", "Data" FROM "Rollups"
        WHERE ("SeriesId", "ResolutionMs", "BucketMs") IN (SELECT * FROM unnest(@series, @resolutions, @buckets))
        ORDER BY "SeriesId", "ResolutionMs", "BucketMs" FOR UPDATE
        """;

    private const string Update = """
        UPDATE "Rollups" AS r SET "Data" = k.d FROM unnest(@series, @resolutions, @buckets, @data) AS k(s, res, b, d)
        WHERE r."SeriesId" = k.s AND r."ResolutionMs" = k.res AND r."BucketMs" = k.b
        """;

    public static async Task MergeAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, IReadOnlyList<long> seriesIds, CancellationToken cancellationToken)
    {
        var aggregates = new SortedDictionary<RollupKey, RollupAggregate>(Comparer<RollupKey>.Create(Compare));
        for (var i = 0; i < points.Count; i++)
        {
            foreach (var resolution in RollupResolution.All)
            {
                var key = new RollupKey(seriesIds[i], resolution, RollupResolution.BucketStart(points[i].TimestampMs, resolution));
                if (!aggregates.TryGetValue(key, out var aggregate))
                {
                    aggregate = new RollupAggregate();
                    aggregates[key] = aggregate;
                }
                aggregate.Add(points[i].TimestampMs, points[i].Value);
            }
        }
        if (aggregates.Count == 0)
        {
            return;
        }

        var keys = aggregates.Keys.ToList();
        // One round trip for both: the insert yields no rows, the lock's rows are the stored aggregates.
        await using (var batch = new NpgsqlBatch(connection) { BatchCommands = { Command(InsertMissing, keys, null), Command(Lock, keys, null) } })
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var key = new RollupKey(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                    var stored = reader.GetFieldValue<byte[]>(3);
                    if (stored.Length > 0)
                    {
                        aggregates[key].Merge(RollupCodec.Decode(stored, key.BucketMs, out var sketch), sketch);
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        var data = keys.Select(k => RollupCodec.Encode(aggregates[k], k.BucketMs)).ToArray();
        await using var update = new NpgsqlBatch(connection) { BatchCommands = { Command(Update, keys, data) } };
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int Compare(RollupKey a, RollupKey b)
    {
        var bySeries = a.SeriesId.CompareTo(b.SeriesId);
        if (bySeries != 0)
        {
            return bySeries;
        }
        var byResolution = a.ResolutionMs.CompareTo(b.ResolutionMs);
        return byResolution != 0 ? byResolution : a.BucketMs.CompareTo(b.BucketMs);
    }

    private static NpgsqlBatchCommand Command(string sql, List<RollupKey> keys, byte[][]? data)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(Array("series", keys.Select(k => k.SeriesId)));
        command.Parameters.Add(Array("resolutions", keys.Select(k => k.ResolutionMs)));
        command.Parameters.Add(Array("buckets", keys.Select(k => k.BucketMs)));
        if (data is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("data", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = data });
        }
        return command;
    }

    private static NpgsqlParameter<long[]> Array(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = values.ToArray() };
}
