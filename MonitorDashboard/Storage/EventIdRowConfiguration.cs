using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class EventIdRowConfiguration : IEntityTypeConfiguration<EventIdRow>
{
    public void Configure(EntityTypeBuilder<EventIdRow> eventId)
    {
        eventId.ToTable("EventIds");
        eventId.HasKey(e => e.Id);
        eventId.Property(e => e.Id).HasMaxLength(64);
        // Retention forgets ids by age.
        eventId.HasIndex(e => e.ReceivedMs);
    }
}
