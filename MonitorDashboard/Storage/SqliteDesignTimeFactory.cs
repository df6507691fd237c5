using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MonitorDashboard.Storage;

/// <summary>
/// For <c>dotnet ef migrations add &lt;Name&gt; --context MonitorDbContext --output-dir Storage/Migrations</c>. Without it the
/// tools took <see cref="Postgres.PostgresDesignTimeFactory"/> for this context too (the factory interface is covariant,
/// and the PostgreSQL context derives from this one) and wrote PostgreSQL migrations into the SQLite folder.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<MonitorDbContext>
{
    public MonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
