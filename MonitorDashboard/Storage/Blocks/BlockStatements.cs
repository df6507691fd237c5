using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>The writer's two block statements: a new block, and an open block written again with the points appended since.</summary>
internal sealed class BlockStatements(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _insert = new(connection,
        "INSERT INTO PointBlocks (SeriesId, WindowMs, StartMs, EndMs, Count, Data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    private readonly NativeStatement _update = new(connection,
        "UPDATE PointBlocks SET StartMs = ?2, EndMs = ?3, Count = ?4, Data = ?5 WHERE Id = ?1");

    /// <summary>Returns the new block's id.</summary>
    public long Insert(long seriesId, long windowMs, PointBlockEncoder block)
    {
        _insert.Bind(1, seriesId).Bind(2, windowMs).Bind(3, block.MinTimestampMs).Bind(4, block.MaxTimestampMs).Bind(5, block.Count)
            .Bind(6, block.Encoded).Execute();
        return _insert.LastInsertRowId;
    }

    public void Update(long blockId, PointBlockEncoder block)
    {
        _update.Bind(1, blockId).Bind(2, block.MinTimestampMs).Bind(3, block.MaxTimestampMs).Bind(4, block.Count).Bind(5, block.Encoded).Execute();
        if (_update.Changes != 1)
        {
            throw new InvalidOperationException($"Open point block {blockId} is gone from the database.");
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
    }
}
