using Microsoft.AspNetCore.Components;

namespace MonitorDashboard.Components;

/// <summary>A page that shows times: it renders again once the browser has told its time zone.</summary>
public abstract class LocalTimeComponent : ComponentBase, IDisposable
{
    [Inject] public required BrowserTime BrowserTime { get; init; }

    protected override void OnInitialized() => BrowserTime.Changed += OnZoneChanged;

    private void OnZoneChanged() => _ = InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        BrowserTime.Changed -= OnZoneChanged;
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a page releases besides the zone subscription (timers, cancellation).</summary>
    protected virtual void DisposeCore()
    {
    }
}
