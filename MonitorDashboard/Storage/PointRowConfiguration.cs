using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class PointRowConfiguration : IEntityTypeConfiguration<PointRow>
{
    public void Configure(EntityTypeBuilder<PointRow> point)
    {
        point.ToTable("Points");
        point.HasKey(p => p.Id);
        point.HasOne<SeriesRow>().WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Cascade);
        // Every read is "this series between these two times".
        point.HasIndex(p => new { p.SeriesId, p.TimestampMs });
    }
}
