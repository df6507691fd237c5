using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class RollupRowConfiguration : IEntityTypeConfiguration<RollupRow>
{
    public void Configure(EntityTypeBuilder<RollupRow> rollup)
    {
        rollup.ToTable("Rollups");
        // Every read is "this series at this resolution between these two times"; the key is that range.
        rollup.HasKey(r => new { r.SeriesId, r.ResolutionMs, r.BucketMs });
        rollup.HasOne<SeriesRow>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
        // Retention deletes by age per resolution.
        rollup.HasIndex(r => new { r.ResolutionMs, r.BucketMs });
    }
}
