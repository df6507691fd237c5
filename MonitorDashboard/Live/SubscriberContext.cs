namespace MonitorDashboard.Live;

/// <summary>
/// Where a subscriber's callback runs and where its failures go. A component passes its <c>InvokeAsync</c> (so the
/// callback runs on its renderer and never races a render) and its <c>DispatchExceptionAsync</c> (so a failure shows
/// on the page, not only in the log); a background subscriber runs in place and is only logged.
/// </summary>
public sealed class SubscriberContext
{
    private SubscriberContext(Func<Func<Task>, Task> invokeAsync, Func<Exception, Task>? reportAsync, bool isPage)
    {
        InvokeAsync = invokeAsync;
        ReportAsync = reportAsync;
        IsPage = isPage;
    }

    public static SubscriberContext Background { get; } = new(callback => callback(), null, isPage: false);

    /// <summary>A page redraws on each delivery, so it is told at the page's (slower) pace, not an external client's.</summary>
    public bool IsPage { get; }

    public Func<Func<Task>, Task> InvokeAsync { get; }

    public Func<Exception, Task>? ReportAsync { get; }

    public static SubscriberContext ForComponent(Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchExceptionAsync) =>
        new(invokeAsync, ex => invokeAsync(() => dispatchExceptionAsync(ex)), isPage: true);
}
