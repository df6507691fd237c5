namespace MonitorDashboard.Retention;

/// <summary>
/// Deletes in short transactions of at most <c>rowsPerStep</c> rows until a step deletes fewer, yielding between
/// steps so the writer takes the lock in between: how retention, erasure and payload retention all delete.
/// </summary>
public static class StepwiseDelete
{
    public static async Task<long> RunAsync(int rowsPerStep, Func<int, Task<int>> deleteStep)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await deleteStep(rowsPerStep);
            total += deleted;
            await Task.Yield();
        }
        while (deleted >= rowsPerStep);
        return total;
    }
}
