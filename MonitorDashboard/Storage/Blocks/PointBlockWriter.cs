namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// Packs the writer's points into per-series blocks. Each series has at most one open block in memory; a commit appends
/// to it and writes its row once (an insert the first time, then an update of the same row), so a commit costs one
/// row write per series touched, not one per point, and a block grows to about a page over many commits. A point of
/// another hour-window than the open block's, or a full block, closes it and opens a new one. Retention may trim or
/// delete an open block's row meanwhile; the update sees it (the row's count changed) and the points not yet written go
/// to a new block instead. Used by the single writer.
/// </summary>
internal sealed class PointBlockWriter
{
    /// <summary>Stays within one 4 KiB page of a rowid table, so a block never spills to overflow pages.</summary>
    public const int MaxBlockBytes = 3_000;

    /// <summary>Open blocks kept in memory (a few KB each); past this every block is closed after the commit.</summary>
    private const int MaxOpenBlocks = 20_000;

    private readonly Dictionary<long, OpenBlock> _open = [];
    private readonly List<OpenBlock> _dirty = [];

    public void Append(BlockStatements statements, long seriesId, long timestampMs, double value)
    {
        var window = BlockWindow.Of(timestampMs);
        if (!_open.TryGetValue(seriesId, out var block) || block.WindowMs != window || block.Encoder.Length >= MaxBlockBytes)
        {
            if (block is not null)
            {
                Close(statements, block);
            }
            block = new OpenBlock(seriesId, window);
            _open[seriesId] = block;
        }
        if (!block.Dirty)
        {
            _dirty.Add(block);
        }
        block.Append(timestampMs, value);
    }

    /// <summary>Writes every block changed since the last flush, in the caller's transaction.</summary>
    public void Flush(BlockStatements statements)
    {
        foreach (var block in _dirty)
        {
            Write(statements, block);
        }
        _dirty.Clear();
        if (_open.Count > MaxOpenBlocks)
        {
            CloseAll();
        }
    }

    /// <summary>Forgets the open blocks (their rows stay as written): the next point of a series starts a new block.</summary>
    public void CloseAll()
    {
        _open.Clear();
        _dirty.Clear();
    }

    /// <summary>Drops the open blocks of deleted series unwritten: their rows go with the series.</summary>
    public void Forget(IReadOnlySet<long> seriesIds)
    {
        _dirty.RemoveAll(b => seriesIds.Contains(b.SeriesId));
        foreach (var id in seriesIds)
        {
            _open.Remove(id);
        }
    }

    private void Close(BlockStatements statements, OpenBlock block)
    {
        if (block.Dirty)
        {
            _dirty.Remove(block);
            Write(statements, block);
        }
        _open.Remove(block.SeriesId);
    }

    private void Write(BlockStatements statements, OpenBlock block)
    {
        if (block.Id != 0 && !statements.TryUpdate(block.Id, block.WrittenCount, block.Encoder))
        {
            var fresh = block.WithUnwrittenPointsOnly();
            if (_open.GetValueOrDefault(block.SeriesId) == block)
            {
                _open[block.SeriesId] = fresh;
            }
            block = fresh;
        }
        if (block.Id == 0)
        {
            block.Id = statements.Insert(block.SeriesId, block.WindowMs, block.Encoder);
        }
        block.WrittenCount = block.Encoder.Count;
    }
}
