using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitorDashboard.Storage.Deployments;

internal sealed class DeploymentRowConfiguration : IEntityTypeConfiguration<DeploymentRow>
{
    public void Configure(EntityTypeBuilder<DeploymentRow> deployment)
    {
        deployment.ToTable("Deployments");
        deployment.HasKey(d => d.Id);
        deployment.Property(d => d.Model).HasMaxLength(64);
        deployment.Property(d => d.Stage).HasMaxLength(64);
        deployment.Property(d => d.Version).HasMaxLength(64);
        deployment.Property(d => d.BaselineVersion).HasMaxLength(64);
        deployment.Property(d => d.Strategy).HasMaxLength(16);
        deployment.Property(d => d.Status).HasMaxLength(16);
        deployment.Property(d => d.StartedBy).HasMaxLength(256);
        deployment.Property(d => d.Note).HasMaxLength(500);
        deployment.Property(d => d.LastWebhookError).HasMaxLength(2000);
        // Two steps at once on one deployment (two CD jobs, a lead and a job): the second finds another revision.
        deployment.Property(d => d.Revision).IsConcurrencyToken();
        deployment.HasIndex(d => new { d.Model, d.Stage, d.StartedMs });
        deployment.HasIndex(d => d.StartedMs);
    }
}
