using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorDashboard.Ingestion;

/// <summary>Ready when the writer runs and its last commit succeeded (so the database is writable).</summary>
public sealed class WriterHealthCheck(GroupCommitWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !writer.IsRunning ? HealthCheckResult.Unhealthy("The ingestion writer is not running")
            : !writer.IsHealthy ? HealthCheckResult.Unhealthy("The last commit failed; the database is not writable")
            : HealthCheckResult.Healthy());
}
