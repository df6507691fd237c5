using Microsoft.AspNetCore.Components;
using MonitorDashboard.Live;

namespace MonitorDashboard.Components;

/// <summary>
/// A component that shows times: it renders again once the browser has told its time zone. It also gives subclasses
/// the <see cref="Subscriber"/> context, so every live callback runs on the renderer and its failures reach the page.
/// </summary>
public abstract class LocalTimeComponent : ComponentBase, IDisposable
{
    private IDisposable? _zoneSubscription;

    [Inject] public required BrowserTime BrowserTime { get; init; }

    /// <summary>Runs callbacks through <c>InvokeAsync</c> and routes their failures to <c>DispatchExceptionAsync</c>.</summary>
    protected SubscriberContext Subscriber => SubscriberContext.ForComponent(InvokeAsync, DispatchExceptionAsync);

    protected override void OnInitialized() => _zoneSubscription = BrowserTime.Subscribe(() =>
    {
        StateHasChanged();
        return Task.CompletedTask;
    }, Subscriber);

    public void Dispose()
    {
        _zoneSubscription?.Dispose();
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a page releases besides the zone subscription (timers, cancellation, other subscriptions).</summary>
    protected virtual void DisposeCore()
    {
    }
}
