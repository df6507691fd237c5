namespace MonitorDashboard.Ingestion;

/// <summary>One request's events waiting in the queue, and the promise its caller awaits.</summary>
internal sealed class PendingWrite(IReadOnlyList<MetricEvent> events)
{
    private readonly TaskCompletionSource<IngestResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<MetricEvent> Events { get; } = events;

    public Task<IngestResult> Completion => _done.Task;

    public void Succeed(IngestResult result) => _done.TrySetResult(result);

    public void Fail(Exception exception) => _done.TrySetException(exception);
}
