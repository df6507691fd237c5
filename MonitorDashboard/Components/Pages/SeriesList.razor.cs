using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Ingestion.Cardinality;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Pages;

public partial class SeriesList
{
    private readonly Dictionary<SeriesSelector, SeriesRowViewModel> _rows = [];
    private readonly Lock _rowsGate = new();
    private IngestStats _stats = new(0, 0, 0, 0, 0, 0, 0, 0);
    private bool _loading = true;
    private string? _search;
    private DateTimeOffset? _lastUpdate;
    private IDisposable? _subscription;

    [Inject] public required SeriesBoardService Board { get; init; }
    [Inject] public required LiveNotifier Notifier { get; init; }
    [Inject] public required IngestCounters Counters { get; init; }
    [Inject] public required CardinalityGuard Cardinality { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IEnumerable<SeriesRowViewModel> SortedRows
    {
        get
        {
            lock (_rowsGate)
            {
                return _rows.Values.OrderBy(r => r.Model).ThenBy(r => r.Stage).ThenBy(r => r.Version).ThenBy(r => r.Kind).ThenBy(r => r.Name).ToList();
            }
        }
    }

    protected override void OnInitialized()
    {
        // Subscribe before loading so nothing committed in between is missed; a live point simply overwrites.
        base.OnInitialized();
        _subscription = Notifier.Subscribe(SeriesSelector.All, OnPointsAsync, Subscriber);
    }

    protected override async Task OnInitializedAsync()
    {
        var latest = await Board.LatestAsync();
        lock (_rowsGate)
        {
            foreach (var point in latest)
            {
                var row = GetOrAddRow(point.Series.Selector);
                if (row.LastTs is null || point.Ts > row.LastTs)
                {
                    row.LastTs = point.Ts;
                    row.LastValue = point.Value;
                }
            }
        }
        _stats = Counters.Snapshot();
        _loading = false;
    }

    private Task OnPointsAsync(IReadOnlyList<LivePoint> points)
    {
        lock (_rowsGate)
        {
            foreach (var p in points)
            {
                var row = GetOrAddRow(p.Series.Selector);
                if (row.LastTs is null || p.Ts >= row.LastTs)
                {
                    row.LastTs = p.Ts;
                    row.LastValue = p.Value;
                }
            }
        }
        _stats = Counters.Snapshot();
        _lastUpdate = DateTimeOffset.UtcNow;
        StateHasChanged();
        return Task.CompletedTask;
    }

    private SeriesRowViewModel GetOrAddRow(SeriesSelector series)
    {
        if (!_rows.TryGetValue(series, out var row))
        {
            row = new SeriesRowViewModel(series);
            _rows[series] = row;
        }
        return row;
    }

    private bool Matches(SeriesRowViewModel row) =>
        string.IsNullOrWhiteSpace(_search)
        || row.SearchText.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string FormatValue(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "—";

    protected override void DisposeCore() => _subscription?.Dispose();
}
