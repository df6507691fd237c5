using MonitorDashboard.Storage.Rollups;
using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// Folds rollup deltas (<see cref="RollupDeltaRow"/>) into their rollup rows, a chunk per transaction: the chunk's deltas
/// are deleted and returned (<c>FOR UPDATE SKIP LOCKED</c>, so folds on several instances take disjoint deltas), merged
/// per row, and merged into the stored rows under row locks: missing rows are first inserted empty (a concurrent insert
/// of the same row waits for the other commit), then all rows are locked in key order, merged and written back. Deleting
/// the deltas and writing the rows commit together, so a reader sees every point exactly once.
/// </summary>
internal static class PostgresRollupFold
{
    private const string TakeDeltas = """
        DELETE FROM "RollupDeltas" WHERE "Id" IN (SELECT "Id" FROM "RollupDeltas" ORDER BY "Id" LIMIT @limit FOR UPDATE SKIP LOCKED)
        RETURNING "SeriesId", "ResolutionMs", "BucketMs", "Data"
        """;

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

    /// <summary>Folds up to <paramref name="limit"/> deltas in the caller's transaction; returns how many.</summary>
    public static async Task<int> FoldAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        var aggregates = new SortedDictionary<RollupKey, RollupAggregate>(PostgresRollupDeltas.KeyOrder);
        var taken = 0;
        await using (var take = new NpgsqlCommand(TakeDeltas, connection))
        {
            take.Parameters.AddWithValue("limit", limit);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken++;
                Merge(aggregates, new RollupKey(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)), reader.GetFieldValue<byte[]>(3));
            }
        }
        if (taken == 0)
        {
            return 0;
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
                    Merge(aggregates, new RollupKey(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)), reader.GetFieldValue<byte[]>(3));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        var data = keys.Select(k => RollupCodec.Encode(aggregates[k], k.BucketMs)).ToArray();
        await using var update = new NpgsqlCommand(Update, connection);
        PostgresRollupDeltas.AddKeys(update.Parameters, keys, data);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return taken;
    }

    private static void Merge(SortedDictionary<RollupKey, RollupAggregate> aggregates, RollupKey key, byte[] stored)
    {
        if (!aggregates.TryGetValue(key, out var aggregate))
        {
            aggregate = new RollupAggregate();
            aggregates[key] = aggregate;
        }
        if (stored.Length > 0)
        {
            aggregate.Merge(RollupCodec.Decode(stored, key.BucketMs, out var sketch), sketch);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, List<RollupKey> keys, byte[][]? data)
    {
        var command = new NpgsqlBatchCommand(sql);
        PostgresRollupDeltas.AddKeys(command.Parameters, keys, data);
        return command;
    }
}
