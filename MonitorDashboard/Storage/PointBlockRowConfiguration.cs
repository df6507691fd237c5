using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage;

internal sealed class PointBlockRowConfiguration : IEntityTypeConfiguration<PointBlockRow>
{
    public void Configure(EntityTypeBuilder<PointBlockRow> block)
    {
        block.ToTable("PointBlocks");
        // A rowid table, not WITHOUT ROWID: blocks run to a few KB, and a WITHOUT ROWID row over ~1 KB spills to
        // overflow pages. The id is the rowid (no AUTOINCREMENT: its sequence table would be one more write a commit).
        block.HasKey(b => b.Id);
        block.Property(b => b.Id).ValueGeneratedNever();
        block.HasIndex(b => new { b.SeriesId, b.WindowMs });
        block.HasOne<SeriesRow>().WithMany().HasForeignKey(b => b.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
