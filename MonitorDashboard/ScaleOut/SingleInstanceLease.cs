namespace MonitorDashboard.ScaleOut;

/// <summary>One instance: it always holds every lease, and never loses one.</summary>
public sealed class SingleInstanceLease : IWorkLease
{
    public Task<WorkLeaseHandle?> TryAcquireAsync(string work, CancellationToken cancellationToken) =>
        Task.FromResult<WorkLeaseHandle?>(new WorkLeaseHandle(CancellationToken.None, () => ValueTask.CompletedTask));
}
