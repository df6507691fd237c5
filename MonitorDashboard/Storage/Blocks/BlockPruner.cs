using System.Data.Common;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// Removes a series' points older than a cutoff, block by block in (window, arrival) order: a block wholly older is
/// deleted, a block straddling the cutoff is written again with only its newer points (so retention is exact to the
/// millisecond). A block the writer still appends to may be among them: its next update notices and starts a new block
/// (<see cref="PointBlockWriter"/>).
/// </summary>
internal sealed class BlockPruner(DbConnection connection)
{
    /// <summary>Runs one step of up to <paramref name="limit"/> blocks after (<paramref name="afterWindowMs"/>, <paramref name="afterId"/>) in the caller's transaction.</summary>
    public BlockPruneStep Step(long seriesId, long cutoffMs, int limit, long afterWindowMs, long afterId)
    {
        var candidates = new List<(long Id, long WindowMs, long EndMs, int Count, byte[] Data)>(limit);
        using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT "Id", "WindowMs", "EndMs", "Count", "Data" FROM "PointBlocks"
                WHERE "SeriesId" = @series AND "WindowMs" < @cutoff AND ("WindowMs", "Id") > (@window, @id) AND "StartMs" < @cutoff
                ORDER BY "WindowMs", "Id" LIMIT @limit
                """;
            select.AddParameter("series", seriesId).AddParameter("cutoff", cutoffMs).AddParameter("window", afterWindowMs)
                .AddParameter("id", afterId).AddParameter("limit", limit);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                candidates.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), (byte[])reader[4]));
            }
        }

        long removed = 0;
        foreach (var block in candidates)
        {
            removed += block.EndMs < cutoffMs ? Delete(block.Id, block.Count) : Trim(block.Id, block.Data, cutoffMs);
        }
        var last = candidates.Count > 0 ? candidates[^1] : default;
        return new BlockPruneStep(candidates.Count, removed, candidates.Count > 0 ? last.WindowMs : afterWindowMs, candidates.Count > 0 ? last.Id : afterId);
    }

    private int Delete(long blockId, int count)
    {
        using var delete = connection.CreateCommand();
        delete.CommandText = """DELETE FROM "PointBlocks" WHERE "Id" = @id""";
        delete.AddParameter("id", blockId);
        delete.ExecuteNonQuery();
        return count;
    }

    private int Trim(long blockId, byte[] data, long cutoffMs)
    {
        var kept = new PointBlockEncoder(data.Length);
        var removed = 0;
        var decoder = new PointBlockDecoder(data);
        while (decoder.Next())
        {
            if (decoder.TimestampMs >= cutoffMs)
            {
                kept.Append(decoder.TimestampMs, decoder.Value);
            }
            else
            {
                removed++;
            }
        }
        using var update = connection.CreateCommand();
        update.CommandText = """UPDATE "PointBlocks" SET "StartMs" = @start, "EndMs" = @end, "Count" = @count, "Data" = @data WHERE "Id" = @id""";
        update.AddParameter("start", kept.MinTimestampMs).AddParameter("end", kept.MaxTimestampMs).AddParameter("count", kept.Count)
            .AddParameter("data", kept.Encoded.ToArray()).AddParameter("id", blockId);
        update.ExecuteNonQuery();
        return removed;
    }
}
