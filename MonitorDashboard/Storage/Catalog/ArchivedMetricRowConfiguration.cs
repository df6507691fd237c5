using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage.Catalog;

internal sealed class ArchivedMetricRowConfiguration : IEntityTypeConfiguration<ArchivedMetricRow>
{
    public void Configure(EntityTypeBuilder<ArchivedMetricRow> archived)
    {
        archived.ToTable("ArchivedMetrics");
        archived.HasKey(a => new { a.Model, a.Name });
        archived.Property(a => a.Model).HasMaxLength(64);
        archived.Property(a => a.Name).HasMaxLength(64);
        archived.Property(a => a.ArchivedBy).HasMaxLength(256);
    }
}
