using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Pages;

public partial class SeriesList
{
    private readonly Dictionary<string, SeriesRowViewModel> _rows = [];
    private readonly Lock _rowsGate = new();
    private IngestStats _stats = new(0, 0, 0, 0, 0, 0, 0, 0);
    private bool _loading = true;
    private string? _search;
    private DateTimeOffset? _lastUpdate;
    private IDisposable? _subscription;

    [Inject] public required SeriesBoardService Board { get; init; }
    [Inject] public required LiveNotifier Notifier { get; init; }
    [Inject] public required IngestCounters Counters { get; init; }
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
                var s = point.Series;
                var row = GetOrAddRow(s.Model, s.Stage, s.Version, s.Kind, s.Name);
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
                var row = GetOrAddRow(p.Model, p.Stage, p.Version, p.Kind, p.Name);
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

    private SeriesRowViewModel GetOrAddRow(string model, string stage, string version, string kind, string name)
    {
        var key = SeriesRowViewModel.KeyOf(model, stage, version, kind, name);
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new SeriesRowViewModel(model, stage, version, kind, name);
            _rows[key] = row;
        }
        return row;
    }

    private bool Matches(SeriesRowViewModel row) =>
        string.IsNullOrWhiteSpace(_search)
        || row.Key.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string FormatValue(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "—";

    protected override void DisposeCore() => _subscription?.Dispose();
}
