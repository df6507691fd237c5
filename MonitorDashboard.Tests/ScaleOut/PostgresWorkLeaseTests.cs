using MonitorDashboard.ScaleOut;
using MonitorDashboard.Storage.ScaleOut;
using MonitorDashboard.Tests.Support;
using Npgsql;

namespace MonitorDashboard.Tests.ScaleOut;

/// <summary>The lease that makes alarm evaluation and the other once-only work run on one instance, on a real PostgreSQL.</summary>
public sealed class PostgresWorkLeaseTests
{
    [Fact]
    public async Task TwoInstances_OneHoldsTheLease_AndWhenItsConnectionDiesTheOtherTakesIt()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var onA = new PostgresWorkLease(connectionString);
        var onB = new PostgresWorkLease(connectionString);

        await using var heldByA = await onA.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None);
        Assert.NotNull(heldByA);
        Assert.Null(await onB.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None));
        await using (var otherWork = await onB.TryAcquireAsync("RetentionService", CancellationToken.None))
        {
            Assert.NotNull(otherWork); // leases are per kind of work
        }

        // A dies: its session ends (here: terminated by the server), so PostgreSQL frees the lock.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            await kill.ExecuteNonQueryAsync();
        }
        await Eventually.TrueAsync(() => Task.FromResult(heldByA.Lost.IsCancellationRequested), TimeSpan.FromSeconds(30), "A notices it lost the lease");
        await using var heldByB = await onB.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None);
        Assert.NotNull(heldByB);
    }

    [Fact]
    public async Task HolderGoneWithoutAWord_TheOtherInstanceTakesTheLeaseWithinSeconds()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        using var relay = new TcpRelay(server.Port);
        var onA = new PostgresWorkLease(new NpgsqlConnectionStringBuilder(connectionString) { Port = relay.Port }.ToString());
        var onB = new PostgresWorkLease(connectionString);
        await using var heldByA = await onA.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None);
        Assert.NotNull(heldByA);
        Assert.Null(await onB.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None));

        // A's process dies: the OS closes its sockets, and PostgreSQL must notice that while A holds the lock.
        relay.Cut();

        WorkLeaseHandle? heldByB = null;
        await Eventually.TrueAsync(async () => (heldByB = await onB.TryAcquireAsync("AlarmEvaluationService", CancellationToken.None)) is not null,
            TimeSpan.FromSeconds(5), "B takes the lease of a holder that vanished");
        await heldByB!.DisposeAsync();
    }
}
