using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class RollupRowConfiguration : IEntityTypeConfiguration<RollupRow>
{
    public void Configure(EntityTypeBuilder<RollupRow> rollup)
    {
        rollup.ToTable("Rollups");
        // Every read, and retention's deletes, are "this series at this resolution between two times": the key is that
        // range, and the migration makes the table WITHOUT ROWID so the rows are stored in key order in one b-tree.
        // No second index: SQLite's planner preferred one on (ResolutionMs, BucketMs), which scans every series.
        rollup.HasKey(r => new { r.SeriesId, r.ResolutionMs, r.BucketMs });
        rollup.HasOne<SeriesRow>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
