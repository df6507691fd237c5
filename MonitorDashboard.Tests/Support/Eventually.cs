namespace MonitorDashboard.Tests.Support;

/// <summary>Waits on a condition instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because) =>
        TrueAsync(condition, timeout, () => because);

    /// <param name="because">Read only on failure, so it can describe the state at the timeout (e.g. the app's log).</param>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because()}");
            }
            await Task.Delay(20);
        }
    }
}
