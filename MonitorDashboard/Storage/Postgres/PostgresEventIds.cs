using MonitorDashboard.Storage.EventIds;
using Npgsql;
using NpgsqlTypes;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// De-duplication shared by every instance: an event id is claimed by inserting its hash into the EventIdClaims table
/// (<see cref="EventIdClaimRow"/>) in the commit's own transaction. The primary key decides, so a retry sent to another instance is a duplicate there too;
/// an instance inserting an id another one has not committed yet waits for that commit (or its rollback), so an id is
/// stored exactly once. Hashes go in sorted order, so two commits sharing ids lock them in the same order and cannot deadlock.
/// </summary>
internal static class PostgresEventIds
{
    private const string Claim = """
        INSERT INTO "EventIdClaims" ("Hash", "ReceivedMs") SELECT hash, @now FROM unnest(@hashes) AS t(hash) ORDER BY hash
        ON CONFLICT DO NOTHING RETURNING "Hash"
        """;

    /// <summary>
    /// Per point, whether it may be stored: true without an id, or for the first point carrying an id no commit has
    /// claimed before.
    /// </summary>
    public static async Task<bool[]> ClaimAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, long nowMs, CancellationToken cancellationToken)
    {
        var stored = new bool[points.Count];
        var firstOf = new Dictionary<Guid, int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].EventId is not { } id)
            {
                stored[i] = true;
            }
            else
            {
                firstOf.TryAdd(AsUuid(EventIdHash.Of(id)), i);
            }
        }
        if (firstOf.Count == 0)
        {
            return stored;
        }

        await using var command = new NpgsqlCommand(Claim, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("hashes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = firstOf.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long>("now", nowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[firstOf[reader.GetGuid(0)]] = true;
        }
        return stored;
    }

    /// <summary>The hash's 16 bytes as a uuid (big-endian, so PostgreSQL's byte order is the hash's numeric order).</summary>
    private static Guid AsUuid(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[EventIdHash.Size];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return new Guid(bytes, bigEndian: true);
    }
}
