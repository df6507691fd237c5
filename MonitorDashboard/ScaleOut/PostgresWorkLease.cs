using Medallion.Threading.Postgres;

namespace MonitorDashboard.ScaleOut;

/// <summary>
/// A PostgreSQL session-level advisory lock per kind of work (DistributedLock.Postgres), held on a connection of its
/// own: when the holding instance dies its connection closes, PostgreSQL releases the lock, and another instance takes
/// it on its next try.
/// </summary>
public sealed class PostgresWorkLease(string connectionString) : IWorkLease
{
    public async Task<WorkLeaseHandle?> TryAcquireAsync(string work, CancellationToken cancellationToken)
    {
        var distributedLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey("monitor:" + work, allowHashing: true), connectionString);
        var handle = await distributedLock.TryAcquireAsync(TimeSpan.Zero, cancellationToken);
        return handle is null ? null : new WorkLeaseHandle(handle.HandleLostToken, handle.DisposeAsync);
    }
}
