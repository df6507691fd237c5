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
        // Not multiplexed: each lease keeps a connection of its own, so one broken connection loses only its own lease.
        var distributedLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey("monitor:" + work, allowHashing: true), connectionString,
            options => options.UseMultiplexing(false));
        var handle = await distributedLock.TryAcquireAsync(TimeSpan.Zero, cancellationToken);
        if (handle is null)
        {
            return null;
        }
        var lost = handle.HandleLostToken;
        return new WorkLeaseHandle(lost, () => ReleaseAsync(handle, lost));
    }

    /// <summary>A lease whose connection broke is already gone with its session: nothing is left to release.</summary>
    private static async ValueTask ReleaseAsync(PostgresDistributedLockHandle handle, CancellationToken lost)
    {
        try
        {
            await handle.DisposeAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException && lost.IsCancellationRequested)
        {
            // released by PostgreSQL when the session ended
        }
    }
}
