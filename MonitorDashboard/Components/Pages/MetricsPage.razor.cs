using Microsoft.AspNetCore.Components;
using MonitorDashboard.Alarms;
using MonitorDashboard.Catalog;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Pages;

/// <summary>
/// The software, input and output pages: one chart per metric of that kind, versions overlaid.
/// With live on, new points reach the charts as appends (the page itself is not re-rendered per point). Every
/// callback (points, alarm changes, navigation) runs on the renderer, so none reads the cards while a reload clears them.
/// </summary>
public partial class MetricsPage
{
    private static readonly TimeSpan FullReloadInterval = TimeSpan.FromSeconds(5);
    private static readonly IReadOnlyList<ChartAnnotation> NoAnnotations = [];
    private static readonly IReadOnlyList<ChartAnnotation> DriftThreshold = [ChartAnnotation.Threshold(1, "drifted above 1", "#e53935")];
    private readonly Dictionary<string, MetricChartCard> _cards = [];
    // Per metric, hidden series the user added to its chart through the search; forgotten when the filter changes.
    private readonly Dictionary<string, IReadOnlySet<long>> _pinned = [];
    private IReadOnlyList<SeriesInfo>? _series;
    private IReadOnlyList<MetricPanel>? _panels;
    private DashboardFilter _filter = DashboardFilter.Empty;
    private DateTimeOffset? _lastUpdate;
    private DateTimeOffset _lastFullReload;
    private IReadOnlyDictionary<string, IReadOnlyList<ChartAnnotation>> _annotations = new Dictionary<string, IReadOnlyList<ChartAnnotation>>();
    private IDisposable? _subscription;
    private IDisposable? _alarmSubscription;
    private CancellationTokenSource _loading = new();

    [Inject] public required MetricPanelService Panels { get; init; }
    [Inject] public required LiveNotifier Notifier { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required AlarmAnnotations AlarmAnnotations { get; init; }
    [Inject] public required DeploymentAnnotations DeploymentAnnotations { get; init; }
    [Inject] public required AlarmNotifier AlarmNotifier { get; init; }
    [Inject] public required ChartOpenRecorder ChartOpens { get; init; }

    private string Kind => new Uri(Navigation.Uri).AbsolutePath.Trim('/') switch
    {
        "input" => MetricKind.Input.ToWire(),
        "output" => MetricKind.Output.ToWire(),
        _ => MetricKind.Software.ToWire(),
    };

    private string Title => char.ToUpperInvariant(Kind[0]) + Kind[1..];

    private string Subtitle => Kind switch
    {
        "software" => "latency, throughput, memory, load, errors",
        "input" => "volume, length and missing values of what the model receives",
        _ => "what users do with the answers",
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Navigation.LocationChanged += OnLocationChanged;
        _alarmSubscription = AlarmNotifier.Subscribe(AlarmChange.Any, OnAlarmsChangedAsync, Subscriber);
    }

    /// <summary>Threshold lines move and firing periods appear as soon as rules or states change.</summary>
    private async Task OnAlarmsChangedAsync()
    {
        await LoadAnnotationsAsync();
        StateHasChanged();
    }

    private async Task LoadAnnotationsAsync()
    {
        var now = Time.GetUtcNow();
        var (from, _) = _filter.Range.Resolve(now);
        var alarms = await AlarmAnnotations.ForPageAsync(Kind, _filter, from, now, _loading.Token);
        var markers = await DeploymentAnnotations.ForPageAsync(_filter, from, now, _loading.Token);
        // Deployment markers go on every chart of the model and stage; alarm lines only on the metric they watch.
        _annotations = (_panels ?? []).ToDictionary(p => p.Definition.Name,
            p => (IReadOnlyList<ChartAnnotation>)[.. alarms.GetValueOrDefault(p.Definition.Name) ?? NoAnnotations, .. markers,
                .. Drift.DriftWire.IsScoreMetric(p.Definition.Name) && !alarms.ContainsKey(p.Definition.Name) ? DriftThreshold : NoAnnotations]);
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering would load every chart only to load them again once the circuit starts (a metric split into
            // 10,000 series doubles its time to first chart): the prerendered page shows the skeletons.
            return;
        }
        _series = await Panels.ListSeriesAsync(Kind, CancellationToken.None);
        await LoadFromUrlAsync();
    }

    private async Task LoadFromUrlAsync()
    {
        var filter = DashboardFilter.FromQuery(new Uri(Navigation.Uri).Query);
        if (_series is { Count: > 0 } && (filter.Model is null || !_series.Any(s => s.Model == filter.Model)))
        {
            filter = filter with { Model = PipelineLayout.Models(_series)[0], Stage = null };
        }
        if (_series is not null && filter.Model is not null && (filter.Stage is null || !_series.Any(s => s.Model == filter.Model && s.Stage == filter.Stage)))
        {
            filter = filter with { Stage = PipelineLayout.Stages(_series, filter.Model).FirstOrDefault() };
        }
        _filter = filter;
        _pinned.Clear();
        await ReloadAsync();
        // A user opened these charts (live reloads are not counted): the catalog's sign that someone looks at them.
        if (_filter.Model is not null && _panels is not null)
        {
            ChartOpens.Record(_filter.Model, _panels.Select(p => p.Definition.Name));
        }
        Resubscribe();
    }

    private async Task ReloadAsync()
    {
        await _loading.CancelAsync();
        _loading = new CancellationTokenSource();
        _panels = null;
        _cards.Clear();
        _lastFullReload = Time.GetUtcNow();
        _panels = await Panels.LoadAsync(Kind, _filter, Time.GetUtcNow(), _loading.Token, _pinned);
        await LoadAnnotationsAsync();
    }

    private async Task ShowSeriesAsync(string metric, SeriesInfo series)
    {
        _pinned[metric] = new HashSet<long>(_pinned.GetValueOrDefault(metric) ?? new HashSet<long>()) { series.Id };
        await ReloadAsync();
    }

    private void ApplyFilter(DashboardFilter filter) =>
        // The URL is the state: navigating keeps back/forward and shared links working.
        Navigation.NavigateTo(new Uri(Navigation.Uri).AbsolutePath + filter.ToQuery());

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) =>
        _ = InvokeAsync(async () =>
        {
            try
            {
                await LoadFromUrlAsync();
                StateHasChanged();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await DispatchExceptionAsync(ex);
            }
            catch (OperationCanceledException)
            {
                // a newer filter replaced this load
            }
        });

    private void Resubscribe()
    {
        _subscription?.Dispose();
        _subscription = _filter.Live && _filter.Model is not null
            ? Notifier.Subscribe(new SeriesSelector { Model = _filter.Model, Stage = _filter.Stage, Kind = Kind }, OnPointsAsync, Subscriber)
            : null;
    }

    /// <summary>Runs on the renderer (the subscription's context): <see cref="ReloadAsync"/> cannot clear the cards under it.</summary>
    private async Task OnPointsAsync(IReadOnlyList<LivePoint> points)
    {
        var filter = _filter;
        var relevant = points.Where(p => filter.Versions.Count == 0 || filter.Versions.Contains(p.Version)).ToList();
        if (relevant.Count == 0 || _panels is null)
        {
            return;
        }
        var now = Time.GetUtcNow();
        var (windowStart, _) = filter.Range.Resolve(now);
        var charted = relevant.Select(p => p.Name).Where(n => _cards.TryGetValue(n, out var c) && c.Chart is not null).ToHashSet();
        var unknown = charted.Count < relevant.Select(p => p.Name).Distinct().Count();
        if (charted.Count > 0)
        {
            var since = relevant.Where(p => charted.Contains(p.Name)).Min(p => p.Ts);
            var shownOnly = (_panels ?? []).Where(p => p.ShownSeriesIds is not null).ToDictionary(p => p.Definition.Name, p => p.ShownSeriesIds!);
            var tails = await Panels.LoadTailsAsync(Kind, charted, filter, since, now, CancellationToken.None, shownOnly);
            foreach (var (name, tail) in tails)
            {
                // the page may have reloaded its charts meanwhile (filter change)
                if (_cards.TryGetValue(name, out var card) && card.Chart is { } chart)
                {
                    await chart.AppendAsync(tail, windowStart);
                }
            }
        }
        _lastUpdate = now;
        if (unknown && now - _lastFullReload > FullReloadInterval)
        {
            await ReloadAsync();
        }
        StateHasChanged();
    }

    protected override void DisposeCore()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _alarmSubscription?.Dispose();
        _subscription?.Dispose();
        _loading.Cancel();
        _loading.Dispose();
    }
}
