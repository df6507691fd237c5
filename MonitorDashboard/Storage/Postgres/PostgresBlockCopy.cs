using MonitorDashboard.Storage.Blocks;
using Npgsql;
using NpgsqlTypes;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// Writes a commit's points as new blocks with binary COPY: one row per series and hour-window touched (more when a
/// block outgrows <see cref="PointBlockWriter.MaxBlockBytes"/>). Unlike SQLite's writer there is no open block updated
/// commit after commit: several instances append to the same series, and an update in PostgreSQL writes a whole new
/// row version anyway. Readers order blocks by window and id and sort points within a window when needed, so blocks
/// from different instances interleave correctly.
/// </summary>
internal static class PostgresBlockCopy
{
    private const string Copy = """
        COPY "PointBlocks" ("SeriesId", "WindowMs", "StartMs", "EndMs", "Count", "Data") FROM STDIN (FORMAT BINARY)
        """;

    /// <param name="points">The points to store, in arrival order.</param>
    /// <param name="seriesIds">Each point's series id.</param>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<PointWrite> points, IReadOnlyList<long> seriesIds, CancellationToken cancellationToken)
    {
        var blocks = new Dictionary<(long SeriesId, long WindowMs), List<PointBlockEncoder>>();
        for (var i = 0; i < points.Count; i++)
        {
            var key = (seriesIds[i], BlockWindow.Of(points[i].TimestampMs));
            if (!blocks.TryGetValue(key, out var encoders))
            {
                encoders = [new PointBlockEncoder()];
                blocks[key] = encoders;
            }
            if (encoders[^1].Length >= PointBlockWriter.MaxBlockBytes)
            {
                encoders.Add(new PointBlockEncoder());
            }
            encoders[^1].Append(points[i].TimestampMs, points[i].Value);
        }
        if (blocks.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var ((seriesId, windowMs), encoders) in blocks)
        {
            foreach (var block in encoders)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(seriesId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(windowMs, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(block.MinTimestampMs, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(block.MaxTimestampMs, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(block.Count, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(block.Encoded.ToArray(), NpgsqlDbType.Bytea, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
