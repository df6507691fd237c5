using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The API key check every ingestion request pays before its body is read (<see cref="ApiKeyService.AuthenticateAsync"/>:
/// a SHA-256 and an EF Core query on a fresh context), on one thread in this process.
/// </summary>
public static class AuthBenchmark
{
    public static async Task<StoreResult> RunAsync(string databasePath, TimeSpan duration)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite(connectionString).AddInterceptors(new PragmaInterceptor()).Options;
        var factory = new PooledDbContextFactory<MonitorDbContext>(options);
        var keys = new ApiKeyService(new ApiKeyStore(factory, new AuditLog(factory, TimeProvider.System), TimeProvider.System), TimeProvider.System,
            new MonitorDashboard.ScaleOut.SingleInstanceBroadcast(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ApiKeyService>.Instance);
        var secret = ApiKeySecret.Generate();
        await keys.CreateAsync("bench", Roles.Ingest, "bench", secret);

        long checks = 0;
        async Task CheckAsync()
        {
            _ = await keys.AuthenticateAsync(secret) ?? throw new InvalidOperationException("The key was not accepted.");
            checks++;
        }

        await CheckAsync(); // warm-up, and the once-a-minute last-used write
        var before = checks;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await CheckAsync();
        }
        var result = new StoreResult("ApiKeyService.AuthenticateAsync only (checks/s)", 1, false, checks - before, Stopwatch.GetElapsedTime(started));
        SqliteConnection.ClearAllPools();
        return result;
    }
}
