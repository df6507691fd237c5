using System.Collections.Concurrent;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// The blocks the writer still appends to (it rewrites their row each commit from what it holds in memory). Retention
/// leaves them alone: a block it trimmed or deleted would be written back whole by the writer's next update. A block is
/// registered in the transaction that creates it, before that commits, so retention never sees it unregistered while open.
/// </summary>
public sealed class OpenBlockRegistry
{
    private readonly ConcurrentDictionary<long, byte> _open = new();

    public bool IsOpen(long blockId) => _open.ContainsKey(blockId);

    internal void Open(long blockId) => _open[blockId] = 0;

    internal void Close(long blockId) => _open.TryRemove(blockId, out _);
}
