using Medallion.Threading.Postgres;
using MonitorDashboard.ScaleOut;
using Npgsql;

namespace MonitorDashboard.Storage.ScaleOut;

/// <summary>
/// A PostgreSQL session-level advisory lock per kind of work (DistributedLock.Postgres), held on an unpooled connection
/// of its own: when the holding instance dies its session ends, PostgreSQL releases the lock, and another instance takes
/// it on its next try.
/// <para>
/// The session must stay idle while it holds the lock: PostgreSQL notices a client's death at once only while it waits
/// for the next command. The library's own loss detection runs <c>pg_sleep</c> in one-minute steps on the lock's
/// connection, and a killed holder kept its lock until the sleep ended (up to a minute, measured in the two-instance
/// test). So the connection is ours: a short query every <see cref="ProbeInterval"/> tells this instance it lost the
/// lease, and server-side TCP keepalives end the session of a holder whose machine vanished without closing it.
/// </para>
/// </summary>
public sealed class PostgresWorkLease(string connectionString) : IWorkLease
{
    /// <summary>How often a holder checks its lock's connection (and so at most how long it works on after losing it).</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    // A holder's machine gone without a FIN: PostgreSQL drops the session after about 5 + 3 x 2 s of silence.
    private const string KeepaliveSettings = "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3;";

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    public async Task<WorkLeaseHandle?> TryAcquireAsync(string work, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var keepalives = new NpgsqlCommand(KeepaliveSettings, connection))
            {
                await keepalives.ExecuteNonQueryAsync(cancellationToken);
            }
            var handle = await new PostgresDistributedLock(new PostgresAdvisoryLockKey("monitor:" + work, allowHashing: true), connection)
                .TryAcquireAsync(TimeSpan.Zero, cancellationToken);
            if (handle is null)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new HeldLease(connection, handle).Handle;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The probe loop and the release share the connection, one at a time: the release first stops the probe.</summary>
    private sealed class HeldLease
    {
        private readonly NpgsqlConnection _connection;
        private readonly PostgresDistributedLockHandle _lock;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _released = new();
        private readonly Task _probing;

        public HeldLease(NpgsqlConnection connection, PostgresDistributedLockHandle handle)
        {
            (_connection, _lock) = (connection, handle);
            _probing = ProbeAsync();
            Handle = new WorkLeaseHandle(_lost.Token, ReleaseAsync);
        }

        public WorkLeaseHandle Handle { get; }

        private async Task ProbeAsync()
        {
            using var timer = new PeriodicTimer(ProbeInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(_released.Token))
                {
                    await using var probe = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = (int)(ProbeInterval.TotalSeconds * 2) };
                    await probe.ExecuteScalarAsync(_released.Token);
                }
            }
            catch (Exception ex) when (!_released.IsCancellationRequested && ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // the connection broke or hangs: the session, and with it the lock, is gone or going
                await _lost.CancelAsync();
            }
            catch (OperationCanceledException) when (_released.IsCancellationRequested)
            {
            }
        }

        private async ValueTask ReleaseAsync()
        {
            await _released.CancelAsync();
            await _probing;
            try
            {
                if (!_lost.IsCancellationRequested)
                {
                    await _lock.DisposeAsync();
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException)
            {
                // broke while releasing: closing the connection below ends the session, which releases the lock
            }
            await _connection.DisposeAsync();
            // _lost stays undisposed: its token may still be held (and linked) by whoever held the lease.
            _released.Dispose();
        }
    }
}
