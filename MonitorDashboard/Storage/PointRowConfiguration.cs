using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class PointRowConfiguration : IEntityTypeConfiguration<PointRow>
{
    public void Configure(EntityTypeBuilder<PointRow> point)
    {
        point.ToTable("Points");
        // Every read is "this series between these two times": the key is that range, and the migration makes the
        // table WITHOUT ROWID, so points are stored in key order in one b-tree (26 bytes a point instead of 45 for a
        // rowid table plus a (series, time) index).
        point.HasKey(p => new { p.SeriesId, p.TimestampMs, p.Seq });
        point.Property(p => p.Seq).HasDefaultValue(0);
        point.HasOne<SeriesRow>().WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
