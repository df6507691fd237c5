using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Components.Controls;

/// <summary>Typed wrapper of an ApexCharts bar chart; a new <see cref="Series"/> list replaces what it shows.</summary>
public sealed partial class BarChart : IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IReadOnlyList<BarSeries>? _rendered;
    private bool _renderedDark;
    private bool _ready;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<string> Categories { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<BarSeries> Series { get; set; }
    [Parameter] public string? Unit { get; set; }
    [Parameter] public string? XTitle { get; set; }
    [Parameter] public int Height { get; set; } = 280;
    [Parameter] public string? TestId { get; set; }
    [CascadingParameter(Name = "DarkMode")] public bool Dark { get; set; }

    private object Config => new { labels = Categories, series = Series, unit = Unit, xTitle = XTitle, height = Height, dark = Dark };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", LineChart.ModulePath);
            _ready = await _module.InvokeAsync<bool>("createBars", _element, Config);
            (_rendered, _renderedDark) = (Series, Dark);
            StateHasChanged();
            return;
        }
        if (_module is not null && _ready && (!ReferenceEquals(_rendered, Series) || _renderedDark != Dark))
        {
            (_rendered, _renderedDark) = (Series, Dark);
            await _module.InvokeVoidAsync("replaceBars", _element, Config);
        }
    }

    public ValueTask DisposeAsync() => ChartModule.DisposeAsync(_module, _element);
}
