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
}
