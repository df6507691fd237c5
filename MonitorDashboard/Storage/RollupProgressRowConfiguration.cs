using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class RollupProgressRowConfiguration : IEntityTypeConfiguration<RollupProgressRow>
{
    public void Configure(EntityTypeBuilder<RollupProgressRow> progress)
    {
        progress.ToTable("RollupProgress");
        progress.HasKey(p => p.Id);
        progress.Property(p => p.Id).ValueGeneratedNever();
        progress.HasData(new RollupProgressRow { Id = RollupProgressRow.SingletonId, LastPointId = 0 });
    }
}
