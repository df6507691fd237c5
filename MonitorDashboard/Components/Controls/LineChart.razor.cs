using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Components.Controls;

/// <summary>
/// Typed wrapper of one ApexCharts line chart. Live points go through <see cref="AppendAsync"/>, which coalesces
/// them so the browser is called at most once per <see cref="MinRedrawInterval"/>, however fast points arrive.
/// </summary>
public sealed partial class LineChart : IAsyncDisposable
{
    public const string ModulePath = "./js/lineChart.js";
    public static readonly TimeSpan MinRedrawInterval = TimeSpan.FromMilliseconds(500);

    private readonly Lock _pendingGate = new();
    private readonly Dictionary<string, (ChartSeries First, List<double[]> Points)> _pending = [];
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IReadOnlyList<ChartSeries>? _renderedSeries;
    private IReadOnlyList<ChartAnnotation>? _renderedAnnotations;
    private bool _renderedDark;
    private bool _ready;
    private bool _flushScheduled;
    private long _lastFlushTicks;
    private bool _disposed;

    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    /// <summary>The lines; a new list (not a mutated one) replaces what the chart shows.</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<ChartSeries> Series { get; set; }

    [Parameter] public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    /// <summary>Unit shown on the y axis and in tooltips, e.g. "ms".</summary>
    [Parameter] public string? Unit { get; set; }

    [Parameter] public int Height { get; set; } = 260;

    /// <summary>A small chart without axes or legend (overview tiles).</summary>
    [Parameter] public bool Sparkline { get; set; }

    /// <summary>Most points kept per series; older ones drop off as live points arrive.</summary>
    [Parameter] public int MaxPointsPerSeries { get; set; } = 1000;

    [Parameter] public double? YMin { get; set; } = 0;

    [Parameter] public string? TestId { get; set; }

    [CascadingParameter(Name = "DarkMode")] public bool Dark { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _ready = await _module.InvokeAsync<bool>("create", _element, new
            {
                series = Series,
                annotations = Annotations,
                unit = Unit,
                height = Height,
                sparkline = Sparkline,
                maxPoints = MaxPointsPerSeries,
                yMin = YMin,
                dark = Dark,
            });
            (_renderedSeries, _renderedAnnotations, _renderedDark) = (Series, Annotations, Dark);
            StateHasChanged();
            return;
        }
        if (_module is null || !_ready)
        {
            return;
        }
        if (!ReferenceEquals(_renderedSeries, Series))
        {
            _renderedSeries = Series;
            await _module.InvokeVoidAsync("replace", _element, Series);
        }
        if (!ReferenceEquals(_renderedAnnotations, Annotations))
        {
            _renderedAnnotations = Annotations;
            await _module.InvokeVoidAsync("setAnnotations", _element, Annotations);
        }
        if (_renderedDark != Dark)
        {
            _renderedDark = Dark;
            await _module.InvokeVoidAsync("setTheme", _element, Dark);
        }
    }

    /// <summary>
    /// Queues points for the chart (a point at the time of the series' last point replaces it). The chart is redrawn
    /// at most twice a second; points before <paramref name="windowStart"/> are dropped.
    /// </summary>
    public Task AppendAsync(IEnumerable<ChartSeries> updates, DateTimeOffset windowStart)
    {
        lock (_pendingGate)
        {
            foreach (var update in updates)
            {
                if (!_pending.TryGetValue(update.Name, out var pending))
                {
                    _pending[update.Name] = pending = (update, []);
                }
                pending.Points.AddRange(update.Points);
            }
            _windowStartMs = windowStart.ToUnixTimeMilliseconds();
            if (_flushScheduled)
            {
                return Task.CompletedTask; // the scheduled flush takes these points too
            }
            _flushScheduled = true;
        }
        var wait = MinRedrawInterval - Time.GetElapsedTime(Interlocked.Read(ref _lastFlushTicks));
        if (wait <= TimeSpan.Zero)
        {
            return InvokeAsync(FlushAsync);
        }
        // The caller (a live subscription) must not wait out the redraw interval: it would slow its own delivery.
        _ = FlushLaterAsync(wait);
        return Task.CompletedTask;
    }

    private async Task FlushLaterAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, Time);
            await InvokeAsync(FlushAsync);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private long _windowStartMs;

    private async Task FlushAsync()
    {
        List<object> updates;
        long windowStartMs;
        lock (_pendingGate)
        {
            updates = _pending.Select(p => (object)new
            {
                name = p.Key,
                color = p.Value.First.Color,
                dash = p.Value.First.Dash,
                points = p.Value.Points.OrderBy(v => v[0]).ToList(),
            }).ToList();
            _pending.Clear();
            _flushScheduled = false;
            windowStartMs = _windowStartMs;
        }
        Interlocked.Exchange(ref _lastFlushTicks, Time.GetTimestamp());
        if (_disposed || _module is null || !_ready || updates.Count == 0)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("append", _element, updates, windowStartMs);
        }
        catch (JSDisconnectedException)
        {
            // the circuit went away; the next page load draws from the database again
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ChartModule.DisposeAsync(_module, _element);
    }
}
