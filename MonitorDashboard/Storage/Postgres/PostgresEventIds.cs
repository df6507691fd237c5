using Npgsql;
using NpgsqlTypes;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// De-duplication shared by every instance: an event id is claimed by inserting it into the EventIds table in the
/// commit's own transaction. The primary key decides, so a retry sent to another instance is a duplicate there too;
/// an instance inserting an id another one has not committed yet waits for that commit (or its rollback), so an id is
/// stored exactly once. Ids go in sorted order, so two commits sharing ids lock them in the same order and cannot deadlock.
/// </summary>
internal static class PostgresEventIds
{
    private const string Claim = """
        INSERT INTO "EventIds" ("Id", "ReceivedMs") SELECT id, @now FROM unnest(@ids) AS t(id) ORDER BY id
        ON CONFLICT DO NOTHING RETURNING "Id"
        """;

    /// <summary>
    /// Per point, whether it may be stored: true without an id, or for the first point carrying an id no commit has
    /// claimed before.
    /// </summary>
    public static async Task<bool[]> ClaimAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, long nowMs, CancellationToken cancellationToken)
    {
        var stored = new bool[points.Count];
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].EventId is not { } id)
            {
                stored[i] = true;
            }
            else
            {
                firstOf.TryAdd(id, i);
            }
        }
        if (firstOf.Count == 0)
        {
            return stored;
        }

        var ids = firstOf.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(Claim, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<long>("now", nowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[firstOf[reader.GetString(0)]] = true;
        }
        return stored;
    }
}
