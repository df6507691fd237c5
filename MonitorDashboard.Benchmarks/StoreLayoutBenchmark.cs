using System.Buffers;
using System.Globalization;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.EventIds;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The bare ceilings of the two layouts, on a file made by the app's migrations (WAL, synchronous=FULL, foreign keys):
/// one row per point with a unique id row, and the block layout (one block row per series per transaction, one row of
/// 16-byte id hashes per transaction, and the in-memory id window the app keeps). Same points as the HTTP runs.
/// </summary>
public static class StoreLayoutBenchmark
{
    /// <summary>Per point: claim the id, insert the point (the layout before blocks, in its legacy tables).</summary>
    public static StoreResult RowPerPoint(string databasePath, int rowsPerTransaction, EventIdShape ids, TimeSpan duration)
    {
        using var connection = StoreBenchmark.Open(databasePath);
        using var claimId = SqliteStatements.Prepare(connection, "INSERT OR IGNORE INTO EventIds (Id, ReceivedMs) VALUES ($id, $now)", "$id", "$now");
        using var insertPoint = SqliteStatements.Prepare(connection, "INSERT INTO Points (SeriesId, TimestampMs, Seq, Value) VALUES ($series, $ts, 0, $value)", "$series", "$ts", "$value");
        long sequence = 0;
        var baseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        void Transaction()
        {
            using var transaction = connection.BeginTransaction();
            claimId.Transaction = transaction;
            insertPoint.Transaction = transaction;
            for (var i = 0; i < rowsPerTransaction; i++, sequence++)
            {
                if (ids != EventIdShape.None)
                {
                    claimId.Parameters[0].Value = IdOf(ids, sequence);
                    claimId.Parameters[1].Value = baseMs;
                    claimId.ExecuteNonQuery();
                }
                insertPoint.Parameters[0].Value = (sequence % EventBodyWriter.SeriesCount) + 1;
                insertPoint.Parameters[1].Value = baseMs + sequence;
                insertPoint.Parameters[2].Value = (sequence % 1000) * 0.37;
                insertPoint.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        return StoreBenchmark.Measure($"row per point, ids {ids}", rowsPerTransaction, ids != EventIdShape.None, duration, Transaction, () => sequence);
    }

    /// <summary>Per transaction: one block row per series, one id-hash row; per point: hash the id, check the window, encode.</summary>
    public static StoreResult Blocks(string databasePath, int pointsPerTransaction, EventIdShape ids, TimeSpan duration, EventIdWindow? window = null)
    {
        using var connection = StoreBenchmark.Open(databasePath);
        using var insertBlock = SqliteStatements.Prepare(connection,
            "INSERT INTO PointBlocks (SeriesId, WindowMs, StartMs, EndMs, Count, Data) VALUES ($series, $window, $start, $end, $count, $data)",
            "$series", "$window", "$start", "$end", "$count", "$data");
        using var insertIds = SqliteStatements.Prepare(connection,
            "INSERT INTO EventIdBatches (FirstOrdinal, ReceivedMs, Hashes) VALUES ((SELECT coalesce(max(FirstOrdinal), 0) + 100000 FROM EventIdBatches), $now, $hashes)",
            "$now", "$hashes");
        window ??= new EventIdWindow(2_000_000);
        var hashes = new ArrayBufferWriter<byte>();
        long sequence = 0;
        var baseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        void Transaction()
        {
            using var transaction = connection.BeginTransaction();
            insertBlock.Transaction = transaction;
            insertIds.Transaction = transaction;
            var blocks = new PointBlockEncoder[EventBodyWriter.SeriesCount];
            hashes.ResetWrittenCount();
            for (var i = 0; i < pointsPerTransaction; i++, sequence++)
            {
                if (ids != EventIdShape.None)
                {
                    var hash = EventIdHash.Of(IdOf(ids, sequence));
                    if (!window.TryAdd(hash))
                    {
                        continue;
                    }
                    EventIdHash.Write(hashes.GetSpan(EventIdHash.Size), hash);
                    hashes.Advance(EventIdHash.Size);
                }
                (blocks[sequence % blocks.Length] ??= new PointBlockEncoder()).Append(baseMs + sequence, (sequence % 1000) * 0.37);
            }
            for (var series = 0; series < blocks.Length; series++)
            {
                if (blocks[series] is not { } block)
                {
                    continue;
                }
                object[] values = [series + 1, BlockWindow.Of(block.MinTimestampMs), block.MinTimestampMs, block.MaxTimestampMs, block.Count, block.Encoded.ToArray()];
                for (var p = 0; p < values.Length; p++)
                {
                    insertBlock.Parameters[p].Value = values[p];
                }
                insertBlock.ExecuteNonQuery();
            }
            if (hashes.WrittenCount > 0)
            {
                insertIds.Parameters[0].Value = baseMs;
                insertIds.Parameters[1].Value = hashes.WrittenSpan.ToArray();
                insertIds.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        return StoreBenchmark.Measure($"blocks + id-hash batch, ids {ids}", pointsPerTransaction, ids != EventIdShape.None, duration, Transaction, () => sequence);
    }

    /// <summary>
    /// Fills the id log with <paramref name="count"/> random UUIDv4 ids (as a week of traffic would leave it) and returns
    /// an id window that has seen them all, as the app's after a restart holds the newest of them.
    /// </summary>
    public static EventIdWindow PreloadRandomIds(string databasePath, int count, int windowCapacity)
    {
        const int PerBatch = 10_000;
        var window = new EventIdWindow(windowCapacity);
        using var connection = StoreBenchmark.Open(databasePath);
        using var insert = SqliteStatements.Prepare(connection, "INSERT INTO EventIdBatches (FirstOrdinal, ReceivedMs, Hashes) VALUES ($first, $now, $hashes)",
            "$first", "$now", "$hashes");
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hashes = new byte[PerBatch * EventIdHash.Size];
        for (var first = 0; first < count; first += PerBatch)
        {
            for (var i = 0; i < PerBatch; i++)
            {
                var hash = EventIdHash.Of(Guid.NewGuid().ToString());
                window.TryAdd(hash);
                EventIdHash.Write(hashes.AsSpan(i * EventIdHash.Size), hash);
            }
            insert.Parameters[0].Value = first;
            insert.Parameters[1].Value = now;
            insert.Parameters[2].Value = hashes;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return window;
    }

    private static string IdOf(EventIdShape shape, long sequence) =>
        shape == EventIdShape.RandomUuid ? Guid.NewGuid().ToString() : "c0-" + sequence.ToString(CultureInfo.InvariantCulture);
}
