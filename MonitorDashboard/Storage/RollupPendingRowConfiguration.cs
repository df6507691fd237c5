using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class RollupPendingRowConfiguration : IEntityTypeConfiguration<RollupPendingRow>
{
    public void Configure(EntityTypeBuilder<RollupPendingRow> pending)
    {
        pending.ToTable("RollupPending");
        pending.HasKey(p => new { p.SeriesId, p.MinuteMs });
        pending.HasOne<SeriesRow>().WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
