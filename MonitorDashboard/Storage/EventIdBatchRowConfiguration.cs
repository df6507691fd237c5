using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class EventIdBatchRowConfiguration : IEntityTypeConfiguration<EventIdBatchRow>
{
    public void Configure(EntityTypeBuilder<EventIdBatchRow> batch)
    {
        batch.ToTable("EventIdBatches");
        batch.HasKey(b => b.FirstOrdinal);
        batch.Property(b => b.FirstOrdinal).ValueGeneratedNever();
    }
}
