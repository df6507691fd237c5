using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>The writer's two block statements: a new block, and an open block written again with the points appended since.</summary>
internal sealed class BlockStatements(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _insert = new(connection,
        "INSERT INTO PointBlocks (SeriesId, WindowMs, StartMs, EndMs, Count, Data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    private readonly NativeStatement _update = new(connection,
        "UPDATE PointBlocks SET StartMs = ?2, EndMs = ?3, Count = ?4, Data = ?5 WHERE Id = ?1 AND Count = ?6");

    /// <summary>Returns the new block's id.</summary>
    public long Insert(long seriesId, long windowMs, PointBlockEncoder block)
    {
        _insert.Bind(1, seriesId).Bind(2, windowMs).Bind(3, block.MinTimestampMs).Bind(4, block.MaxTimestampMs).Bind(5, block.Count)
            .Bind(6, block.Encoded).Execute();
        return _insert.LastInsertRowId;
    }

    /// <summary>
    /// False when the row no longer holds the <paramref name="writtenCount"/> points the writer last wrote: retention
    /// trimmed or deleted it meanwhile, and writing the block whole would bring its old points back.
    /// </summary>
    public bool TryUpdate(long blockId, int writtenCount, PointBlockEncoder block)
    {
        _update.Bind(1, blockId).Bind(2, block.MinTimestampMs).Bind(3, block.MaxTimestampMs).Bind(4, block.Count).Bind(5, block.Encoded)
            .Bind(6, writtenCount).Execute();
        return _update.Changes == 1;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
    }
}
