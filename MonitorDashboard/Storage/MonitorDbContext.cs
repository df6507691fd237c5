using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

public sealed class MonitorDbContext(DbContextOptions<MonitorDbContext> options) : DbContext(options)
{
    public DbSet<SeriesRow> Series => Set<SeriesRow>();
    public DbSet<PointRow> Points => Set<PointRow>();
    public DbSet<EventIdRow> EventIds => Set<EventIdRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
}
