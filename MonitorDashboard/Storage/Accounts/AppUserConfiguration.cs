using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitorDashboard.Storage.Conversions;

namespace MonitorDashboard.Storage.Accounts;

/// <summary>Our one addition to Identity's user table that needs mapping: the creation time, in Unix milliseconds like every other time.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user) => user.Property(u => u.Created).StoredAsUnixMilliseconds("CreatedMs");
}
