using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage.Deployments;

internal sealed class DeploymentEventRowConfiguration : IEntityTypeConfiguration<DeploymentEventRow>
{
    public void Configure(EntityTypeBuilder<DeploymentEventRow> step)
    {
        step.ToTable("DeploymentEvents");
        step.HasKey(e => e.Id);
        step.Property(e => e.Action).HasMaxLength(16);
        step.Property(e => e.By).HasMaxLength(256);
        step.Property(e => e.Note).HasMaxLength(500);
        // A deployment's steps in order, and the chart markers of a time range, both read by (DeploymentId, AtMs).
        step.HasIndex(e => new { e.DeploymentId, e.AtMs });
        step.HasOne<DeploymentRow>().WithMany().HasForeignKey(e => e.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
