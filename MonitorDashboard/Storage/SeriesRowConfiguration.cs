using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class SeriesRowConfiguration : IEntityTypeConfiguration<SeriesRow>
{
    public void Configure(EntityTypeBuilder<SeriesRow> series)
    {
        series.ToTable("Series");
        series.HasKey(s => s.Id);
        series.Property(s => s.Model).HasMaxLength(64);
        series.Property(s => s.Version).HasMaxLength(64);
        series.Property(s => s.Stage).HasMaxLength(64);
        series.Property(s => s.Kind).HasMaxLength(16);
        series.Property(s => s.Name).HasMaxLength(64);
        // The identity of a series; the writer looks series up by it.
        series.HasIndex(s => new { s.Model, s.Stage, s.Version, s.Kind, s.Name, s.Tags }).IsUnique();
    }
}
