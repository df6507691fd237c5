using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Accounts;

internal sealed class ApiKeyRowConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> key)
    {
        key.ToTable("ApiKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Role).HasMaxLength(32);
        key.Property(k => k.SecretHash).HasMaxLength(64);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.Created).StoredAsUnixMilliseconds("CreatedMs");
        key.Property(k => k.LastUsed).StoredAsUnixMilliseconds("LastUsedMs");
        key.Property(k => k.Revoked).StoredAsUnixMilliseconds("RevokedMs");
        // Every authenticated API request looks its key up by hash.
        key.HasIndex(k => k.SecretHash).IsUnique();
    }
}
