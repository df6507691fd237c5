using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Review;

internal sealed class PredictionRowConfiguration : IEntityTypeConfiguration<PredictionRow>
{
    public void Configure(EntityTypeBuilder<PredictionRow> prediction)
    {
        prediction.ToTable("Predictions");
        prediction.HasKey(p => p.Id);
        prediction.Property(p => p.ClientId).HasMaxLength(64);
        prediction.Property(p => p.Model).HasMaxLength(64);
        // Ids are unique per model: a retried batch finds its predictions already stored.
        prediction.HasIndex(p => new { p.Model, p.ClientId }).IsUnique();
        // The queue: unlabelled items of the queue, by model.
        prediction.HasIndex(p => new { p.InQueue, p.Verdict, p.Model });
        // The claim statement (raw SQL, per engine) reads these columns by their ...Ms names.
        prediction.Property(p => p.Timestamp).StoredAsUnixMilliseconds("TimestampMs");
        prediction.Property(p => p.LeaseExpires).StoredAsUnixMilliseconds("LeaseExpiresMs");
        prediction.Property(p => p.SkippedUntil).StoredAsUnixMilliseconds("SkippedUntilMs");
        prediction.Property(p => p.Labelled).StoredAsUnixMilliseconds("LabelledMs");
        prediction.HasIndex(p => new { p.Model, p.Timestamp });
    }
}
