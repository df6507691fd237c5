using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Alarms;
using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Components.Pages;

/// <summary>The home page: every model, its stages in pipeline order and the versions of each side by side.</summary>
public partial class Overview
{
    /// <summary>The overview shows minute-level health, so it refreshes on a timer rather than per point.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private PageRefresher? _refresher;
    private IReadOnlyList<PipelineSummary>? _pipelines;
    private DateTimeOffset? _lastUpdate;
    private IReadOnlyList<AlarmStateView> _states = [];
    private IReadOnlyList<AlarmStateView> _firing = [];

    [Inject] public required PipelineSummaryService Summaries { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required AlarmBoardService Alarms { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _refresher = new PageRefresher(Time, RefreshInterval);
        await RefreshAsync();
        _ = _refresher.RunAsync(InvokeAsync, async () => { await RefreshAsync(); StateHasChanged(); }, DispatchExceptionAsync);
    }

    private async Task RefreshAsync()
    {
        var token = _refresher?.Token ?? CancellationToken.None;
        _pipelines = await Summaries.LoadAsync(Time.GetUtcNow(), token);
        _states = await Alarms.StatesAsync(token);
        _firing = _states.Where(s => s.Status == AlarmStatus.Firing).ToList();
        _lastUpdate = Time.GetUtcNow();
    }

    /// <summary>The worst alarm state of a stage, or null when no rule watches it.</summary>
    private AlarmStatus? StageStatus(string model, string stage)
    {
        var mine = _states.Where(s => s.Series.Model == model && s.Series.Stage == stage).Select(s => s.Status).ToList();
        return mine.Count == 0 ? null : mine.Max();
    }

    private static string StageLink(string model, string stage) =>
        Urls.Software + new DashboardFilter(model, stage, [], TimeRange.Default, true).ToQuery();

    private static string Format(double? value, string format, string unit) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";

    protected override void DisposeCore() => _refresher?.Dispose();
}
