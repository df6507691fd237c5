namespace MonitorDashboard.Storage;

/// <summary>
/// The hot insert path, as the single writer sees it: one transaction per call, de-duplication by event id, rollups
/// kept in step. <see cref="PointStore"/> is the SQLite implementation (per-series blocks, an in-memory id window);
/// another engine implements this interface with the layout that measures best on it.
/// </summary>
public interface IPointStore : IDisposable
{
    /// <summary>True when rollups wait to be saved; the writer saves them when idle.</summary>
    bool HasUnsavedRollups { get; }

    /// <summary>False until rollups left pending (by a crash, a failed transaction or an upgrade) are rebuilt.</summary>
    bool RollupsCaughtUp { get; }

    /// <summary>
    /// Deletes the rows of these series on the writer's own connection before its next commit, and forgets every cached
    /// id, open block and rollup of them, so nothing is resurrected; completes when committed. The caller wakes the writer.
    /// </summary>
    Task RemoveSeriesAsync(IReadOnlySet<long> seriesIds);

    /// <summary>Stores all points in one transaction; returns, per point, whether it was new (false: its event id was already stored).</summary>
    Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken);

    /// <summary>Saves the rollups still held in memory.</summary>
    void FlushRollups();

    /// <summary>Rebuilds the rollups left pending; returns how many series-minutes it rebuilt.</summary>
    long CatchUpRollups();
}
