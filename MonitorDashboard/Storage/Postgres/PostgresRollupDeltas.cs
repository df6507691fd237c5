using MonitorDashboard.Storage.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// A commit's rollups on PostgreSQL: its points aggregated per series and minute or hour, inserted as
/// <see cref="RollupDeltaRow"/>s in the commit's own transaction. Insert only: no row another instance's commit could
/// hold, and nothing kept in memory that a crash could lose.
/// </summary>
internal static class PostgresRollupDeltas
{
    private const string Insert = """
        INSERT INTO "RollupDeltas" ("SeriesId", "ResolutionMs", "BucketMs", "Data")
        SELECT * FROM unnest(@series, @resolutions, @buckets, @data)
        """;

    /// <summary>The aggregates of the points per rollup row, in key order.</summary>
    public static SortedDictionary<RollupKey, RollupAggregate> Aggregate(IReadOnlyList<PointWrite> points, IReadOnlyList<long> seriesIds)
    {
        var aggregates = new SortedDictionary<RollupKey, RollupAggregate>(KeyOrder);
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
        return aggregates;
    }

    public static async Task AppendAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, IReadOnlyList<long> seriesIds, CancellationToken cancellationToken)
    {
        var aggregates = Aggregate(points, seriesIds);
        if (aggregates.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand(Insert, connection);
        AddKeys(command.Parameters, [.. aggregates.Keys], [.. aggregates.Select(a => RollupCodec.Encode(a.Value, a.Key.BucketMs))]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Series, then resolution, then bucket: the order rows are locked in, so two folds cannot deadlock.</summary>
    public static readonly IComparer<RollupKey> KeyOrder = Comparer<RollupKey>.Create((a, b) =>
        (a.SeriesId, a.ResolutionMs, a.BucketMs).CompareTo((b.SeriesId, b.ResolutionMs, b.BucketMs)));

    /// <summary>The keys as the arrays @series, @resolutions and @buckets (and @data when given) that the statements unnest.</summary>
    public static void AddKeys(NpgsqlParameterCollection parameters, List<RollupKey> keys, byte[][]? data)
    {
        parameters.Add(Array("series", keys.Select(k => k.SeriesId)));
        parameters.Add(Array("resolutions", keys.Select(k => k.ResolutionMs)));
        parameters.Add(Array("buckets", keys.Select(k => k.BucketMs)));
        if (data is not null)
        {
            parameters.Add(new NpgsqlParameter<byte[][]>("data", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = data });
        }
    }

    private static NpgsqlParameter<long[]> Array(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = values.ToArray() };
}
