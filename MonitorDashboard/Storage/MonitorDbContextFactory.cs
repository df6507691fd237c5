using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Postgres;

namespace MonitorDashboard.Storage;

/// <summary>
/// Short-lived contexts for every storage class. On PostgreSQL it hands out <see cref="PostgresMonitorDbContext"/>, so
/// migrations and the model are the provider's own while every caller keeps asking for a <see cref="MonitorDbContext"/>.
/// </summary>
public sealed class MonitorDbContextFactory(DbContextOptions<MonitorDbContext> options, StorageProvider provider) : IDbContextFactory<MonitorDbContext>
{
    public StorageProvider Provider => provider;

    public MonitorDbContext CreateDbContext() =>
        provider == StorageProvider.Postgres ? new PostgresMonitorDbContext(options) : new MonitorDbContext(options);

    /// <summary>A SQLite file: pooled connections, a 30 s busy timeout, the per-connection pragmas.</summary>
    public static MonitorDbContextFactory ForSqlite(string databasePath, SqliteSynchronous synchronous)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor(synchronous));
        return new MonitorDbContextFactory(options.Options, StorageProvider.Sqlite);
    }

    public static MonitorDbContextFactory ForPostgres(string connectionString) =>
        new(new DbContextOptionsBuilder<MonitorDbContext>().UseNpgsql(connectionString).Options, StorageProvider.Postgres);
}
