using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage.Deletion;

/// <summary>
/// Series rows waiting to be deleted by the single writer. The writer caches series ids, open blocks and rollup
/// buckets: deleting a row behind its back would let a cached id write blocks of a series that no longer exists (and
/// fail the commit on the foreign key). So the row is deleted on the writer's own connection, between two commits,
/// and its caches are dropped in the same step; the next point of that key then creates a fresh series.
/// </summary>
internal sealed class SeriesRemovals
{
    private readonly ConcurrentQueue<(IReadOnlySet<long> Ids, TaskCompletionSource Done)> _requests = new();

    public bool Pending => !_requests.IsEmpty;

    /// <summary>Completes once the writer has committed the deletion.</summary>
    public Task Add(IReadOnlySet<long> seriesIds)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Enqueue((seriesIds, done));
        return done.Task;
    }

    public List<(IReadOnlySet<long> Ids, TaskCompletionSource Done)> TakeAll()
    {
        var taken = new List<(IReadOnlySet<long>, TaskCompletionSource)>();
        while (_requests.TryDequeue(out var request))
        {
            taken.Add(request);
        }
        return taken;
    }

    /// <summary>
    /// Deletes the rows in the writer's transaction; the foreign keys take what is left of their blocks, rollups,
    /// pending minutes and alarm states with them (the bulk was deleted in small steps before).
    /// </summary>
    public static void Delete(SqliteConnection connection, IReadOnlySet<long> seriesIds)
    {
        using var delete = new NativeStatement(connection, "DELETE FROM Series WHERE Id = ?1");
        foreach (var id in seriesIds)
        {
            delete.Bind(1, id).Execute();
        }
    }
}
