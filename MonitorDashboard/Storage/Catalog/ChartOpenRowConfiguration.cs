using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage.Catalog;

internal sealed class ChartOpenRowConfiguration : IEntityTypeConfiguration<ChartOpenRow>
{
    public void Configure(EntityTypeBuilder<ChartOpenRow> opens)
    {
        opens.ToTable("ChartOpens");
        opens.HasKey(o => new { o.Model, o.Name, o.DayMs });
        opens.Property(o => o.Model).HasMaxLength(64);
        opens.Property(o => o.Name).HasMaxLength(64);
    }
}
