using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class AlarmRuleRowConfiguration : IEntityTypeConfiguration<AlarmRuleRow>
{
    public void Configure(EntityTypeBuilder<AlarmRuleRow> rule)
    {
        rule.ToTable("AlarmRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Name).HasMaxLength(100);
        rule.Property(r => r.WebhookUrl).HasMaxLength(2000);
        // Two leads saving the same rule: the second save finds another version and gets a conflict.
        rule.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
    }
}
