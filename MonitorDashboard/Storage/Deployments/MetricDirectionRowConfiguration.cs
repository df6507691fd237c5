using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage.Deployments;

internal sealed class MetricDirectionRowConfiguration : IEntityTypeConfiguration<MetricDirectionRow>
{
    public void Configure(EntityTypeBuilder<MetricDirectionRow> direction)
    {
        direction.ToTable("MetricDirections");
        direction.HasKey(d => d.Name);
        direction.Property(d => d.Name).HasMaxLength(64);
        direction.Property(d => d.Direction).HasMaxLength(32);
        direction.Property(d => d.UpdatedBy).HasMaxLength(256);
    }
}
