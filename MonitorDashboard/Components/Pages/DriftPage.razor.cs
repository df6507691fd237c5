using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Drift;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Pages;

/// <summary>
/// One metric's distribution now against its reference (both histograms, KS distance and its threshold, PSI) and the
/// stored drift score over time. The selection is read from the URL (<c>?model=&amp;stage=&amp;version=&amp;name=</c>) and refreshed every minute.
/// </summary>
public partial class DriftPage
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
    private static readonly (int Minutes, string Label)[] WindowChoices = [(5, "last 5 min"), (15, "last 15 min"), (60, "last hour"), (360, "last 6 h")];
    private static readonly IReadOnlyList<ChartAnnotation> ScoreThreshold = [ChartAnnotation.Threshold(1, "drifted above 1", "#e53935")];

    private IReadOnlyList<SeriesInfo>? _series;
    private string? _model, _stage, _version, _name;
    private int _windowMinutes = 15;
    private DriftReference _reference = DriftReference.Preceding;
    private DateTime? _pinnedDay;
    private DriftReport? _report;
    private IReadOnlyList<string> _categories = [];
    private IReadOnlyList<BarSeries> _bars = [];
    private IReadOnlyList<ChartSeries> _scores = [];
    private DateTimeOffset? _lastUpdate;
    private PageRefresher? _refresher;

    [Inject] public required DriftBoardService Board { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<DriftOptions> Options { get; init; }

    [SupplyParameterFromQuery(Name = "model")] public string? QueryModel { get; set; }
    [SupplyParameterFromQuery(Name = "stage")] public string? QueryStage { get; set; }
    [SupplyParameterFromQuery(Name = "version")] public string? QueryVersion { get; set; }
    [SupplyParameterFromQuery(Name = "name")] public string? QueryName { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public int? QueryWindow { get; set; }

    private IEnumerable<string> Stages => (_series ?? []).Where(s => s.Model == _model).Select(s => s.Stage).Distinct();
    private IEnumerable<string> Versions => (_series ?? []).Where(s => s.Model == _model && s.Stage == _stage).Select(s => s.Version).Distinct().Order(StringComparer.Ordinal);
    private IEnumerable<string> Names => (_series ?? []).Where(s => s.Model == _model && s.Stage == _stage && s.Version == _version)
        .OrderBy(s => s.Kind == "input" ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name).Distinct();

    protected override async Task OnInitializedAsync()
    {
        _refresher = new PageRefresher(Time, RefreshInterval);
        _series = await Board.ListSeriesAsync(_refresher.Token);
        (_model, _stage, _version, _name) = (QueryModel, QueryStage, QueryVersion, QueryName);
        _windowMinutes = QueryWindow is { } w && WindowChoices.Any(c => c.Minutes == w) ? w : _windowMinutes;
        Complete();
        await CompareAsync();
        _ = _refresher.RunAsync(InvokeAsync, async () => { await CompareAsync(); StateHasChanged(); }, DispatchExceptionAsync);
    }

    /// <summary>Fills what the URL or the user left open with the first choice (input metrics first, input_length preferred).</summary>
    private void Complete()
    {
        _model = Pick(_model, (_series ?? []).Select(s => s.Model).Distinct());
        _stage = Pick(_stage, Stages);
        _version = Pick(_version, Versions);
        _name = Pick(_name, Names.OrderBy(n => n == "input_length" ? 0 : 1));
    }

    private static string? Pick(string? current, IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return current is not null && list.Contains(current) ? current : list.FirstOrDefault();
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        Complete();
        _report = null;
        await CompareAsync();
    }

    private async Task CompareAsync()
    {
        if (_model is null || _name is null)
        {
            return;
        }
        var now = Time.GetUtcNow();
        var pinnedFrom = _pinnedDay is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), BrowserTime.Zone.GetUtcOffset(day)) : now.AddDays(-1);
        var query = new DriftQuery(new SeriesSelector { Model = _model, Version = _version, Stage = _stage, Name = _name },
            now.AddMinutes(-_windowMinutes), now, _reference, pinnedFrom, pinnedFrom.AddDays(1));
        var token = _refresher?.Token ?? CancellationToken.None;
        _report = await Board.CompareAsync(query, token);
        (_categories, _bars) = DriftBoardService.Bars(_report);
        _scores = await Board.ScoreHistoryAsync(new SeriesSelector { Model = _model, Version = _version, Stage = _stage, Name = _name }, now, token);
        _lastUpdate = now;
    }

    private static string Format(double? value) => value is { } v ? v.ToString(v != 0 && Math.Abs(v) < 0.001 ? "0.###e0" : "0.####", CultureInfo.InvariantCulture) : "—";

    private string Clock(DateTimeOffset at) => BrowserTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    protected override void DisposeCore() => _refresher?.Dispose();
}
