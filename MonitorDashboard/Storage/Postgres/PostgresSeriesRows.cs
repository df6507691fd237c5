using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// Finds or creates series rows for keys the writer has not cached. Another instance may create the same series at the
/// same moment: the insert skips a conflicting row (waiting for the other commit), and the select then finds it.
/// </summary>
internal static class PostgresSeriesRows
{
    private const string Insert = """
        INSERT INTO "Series" ("Model", "Stage", "Version", "Kind", "Name", "Tags", "CreatedMs")
        VALUES (@model, @stage, @version, @kind, @name, @tags, @now) ON CONFLICT DO NOTHING RETURNING "Id"
        """;

    private const string Find = """
        SELECT "Id" FROM "Series" WHERE "Model" = @model AND "Stage" = @stage AND "Version" = @version AND "Kind" = @kind
            AND "Name" = @name AND "Tags" = @tags
        """;

    /// <summary>Ids of <paramref name="keys"/>, created where missing; keys go in a fixed order so two instances lock alike.</summary>
    public static async Task<Dictionary<SeriesKey, long>> FindOrCreateAsync(
        NpgsqlConnection connection, IEnumerable<SeriesKey> keys, long nowMs, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<SeriesKey, long>();
        foreach (var key in keys.OrderBy(k => string.Join('\0', k.Model, k.Stage, k.Version, k.Kind, k.Name, k.Tags), StringComparer.Ordinal))
        {
            ids[key] = await RunAsync(connection, Insert, key, nowMs, cancellationToken)
                ?? await RunAsync(connection, Find, key, nowMs, cancellationToken)
                ?? throw new InvalidOperationException($"Series {key.Model}/{key.Name} was neither inserted nor found.");
        }
        return ids;
    }

    private static async Task<long?> RunAsync(NpgsqlConnection connection, string sql, SeriesKey key, long nowMs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("model", key.Model);
        command.Parameters.AddWithValue("stage", key.Stage);
        command.Parameters.AddWithValue("version", key.Version);
        command.Parameters.AddWithValue("kind", key.Kind);
        command.Parameters.AddWithValue("name", key.Name);
        command.Parameters.AddWithValue("tags", key.Tags);
        command.Parameters.AddWithValue("now", nowMs);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }
}
