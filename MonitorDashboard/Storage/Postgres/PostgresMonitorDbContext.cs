using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// The same model on PostgreSQL. Its own type so that its migrations (Storage/Migrations/Postgres) are found apart
/// from SQLite's: EF Core picks migrations by context type (the "one context type per provider" way of its docs).
/// </summary>
public sealed class PostgresMonitorDbContext(DbContextOptions<MonitorDbContext> options) : MonitorDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite numbers blocks by rowid; PostgreSQL needs a column default, so the writer's COPY can leave the id out.
        modelBuilder.Entity<PointBlockRow>().Property(b => b.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
        // De-duplication shared by instances (SQLite's single writer keeps its window in memory instead). Arrival times
        // grow with the table's physical order, so a BRIN index (a few pages) serves retention's range deletes.
        var claims = modelBuilder.Entity<EventIdClaimRow>();
        claims.ToTable("EventIdClaims");
        claims.HasKey(c => c.Hash);
        claims.HasIndex(c => c.ReceivedMs).HasMethod("brin");
        var deltas = modelBuilder.Entity<RollupDeltaRow>();
        deltas.ToTable("RollupDeltas");
        deltas.HasKey(d => d.Id);
        deltas.Property(d => d.Id).UseIdentityByDefaultColumn();
        deltas.HasIndex(d => new { d.SeriesId, d.ResolutionMs, d.BucketMs });
        deltas.HasOne<SeriesRow>().WithMany().HasForeignKey(d => d.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
