using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Alarms;

internal sealed class AlarmRuleRowConfiguration : IEntityTypeConfiguration<AlarmRuleRow>
{
    public void Configure(EntityTypeBuilder<AlarmRuleRow> rule)
    {
        rule.ToTable("AlarmRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Name).HasMaxLength(100);
        rule.Property(r => r.WebhookUrl).HasMaxLength(2000);
        // Enums are stored by name (as they always were), so renumbering an enum never changes a stored rule.
        rule.Property(r => r.Aggregation).HasConversion<string>();
        rule.Property(r => r.Comparator).HasConversion<string>();
        rule.Property(r => r.NoData).HasConversion<string>();
        rule.Property(r => r.Severity).HasConversion<string>();
        rule.Property(r => r.MutedUntil).StoredAsUnixMilliseconds("MutedUntilMs");
        rule.Property(r => r.LastWebhookErrorAt).StoredAsUnixMilliseconds("LastWebhookErrorMs");
        rule.Property(r => r.Updated).StoredAsUnixMilliseconds("UpdatedMs");
        // Two leads saving the same rule: the second save finds another version and gets a conflict.
        rule.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
    }
}
