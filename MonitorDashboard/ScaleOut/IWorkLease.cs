namespace MonitorDashboard.ScaleOut;

/// <summary>
/// The right to run one kind of work (alarm evaluation, retention, ...) on exactly one instance at a time.
/// </summary>
public interface IWorkLease
{
    /// <summary>The lease on <paramref name="work"/>, or null while another instance holds it.</summary>
    Task<WorkLeaseHandle?> TryAcquireAsync(string work, CancellationToken cancellationToken);
}

/// <summary>A held lease: <see cref="Lost"/> fires if it is lost (the database connection behind it broke); dispose releases it.</summary>
public sealed class WorkLeaseHandle(CancellationToken lost, Func<ValueTask> release) : IAsyncDisposable
{
    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() => release();
}
