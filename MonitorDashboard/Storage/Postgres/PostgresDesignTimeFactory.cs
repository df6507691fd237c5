using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// For <c>dotnet ef migrations add &lt;Name&gt; --context PostgresMonitorDbContext --output-dir Storage/Migrations/Postgres</c>:
/// adding a migration needs the provider, not a server, so the connection string is a placeholder.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMonitorDbContext>
{
    public PostgresMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MonitorDbContext>().UseNpgsql("Host=localhost;Database=monitor_design").Options);
}
