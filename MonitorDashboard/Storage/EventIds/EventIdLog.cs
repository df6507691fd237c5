using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.EventIds;

/// <summary>
/// The durable side of de-duplication: one <see cref="EventIdBatchRow"/> per commit with the hashes of the ids it
/// stored, written in the commit's own transaction, so after a crash (kill -9) the window is rebuilt from exactly the
/// ids whose points were committed.
/// </summary>
internal sealed class EventIdLog(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _append = new(connection, "INSERT INTO EventIdBatches (FirstOrdinal, ReceivedMs, Hashes) VALUES (?1, ?2, ?3)");
    private readonly NativeStatement _next = new(connection,
        "SELECT FirstOrdinal + length(Hashes) / 16 FROM EventIdBatches ORDER BY FirstOrdinal DESC LIMIT 1");
    // From the batch holding the id `capacity` back from the newest on: at least the last `capacity` ids.
    private readonly NativeStatement _recent = new(connection, """
        SELECT Hashes FROM EventIdBatches WHERE FirstOrdinal >= coalesce(
            (SELECT FirstOrdinal FROM EventIdBatches WHERE FirstOrdinal <= ?1 ORDER BY FirstOrdinal DESC LIMIT 1), 0)
        ORDER BY FirstOrdinal
        """);

    public void Append(long firstOrdinal, long receivedMs, ReadOnlySpan<byte> hashes) =>
        _append.Bind(1, firstOrdinal).Bind(2, receivedMs).Bind(3, hashes).Execute();

    /// <summary>Fills <paramref name="window"/> with the newest stored ids, oldest first; returns the ordinal the next id gets.</summary>
    public long Load(EventIdWindow window)
    {
        window.Clear();
        _next.Restart();
        var next = _next.Next() ? _next.Int64(0) : 0;
        _next.Restart();

        _recent.Restart();
        _recent.Bind(1, next - window.Capacity);
        while (_recent.Next())
        {
            var hashes = _recent.Blob(0);
            for (var offset = 0; offset + EventIdHash.Size <= hashes.Length; offset += EventIdHash.Size)
            {
                window.TryAdd(EventIdHash.Read(hashes.Slice(offset, EventIdHash.Size)));
            }
        }
        _recent.Restart();
        return next;
    }

    public void Dispose()
    {
        _append.Dispose();
        _next.Dispose();
        _recent.Dispose();
    }
}
