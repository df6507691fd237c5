using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Deployments;

namespace MonitorDashboard.Components.Pages;

/// <summary>Production per model and stage, the candidates in roll-out with their recommendation, and the history.</summary>
public partial class Deployments
{
    private DeploymentBoard? _board;
    private DateTimeOffset? _lastUpdate;
    private PageRefresher? _refresher;

    [Inject] public required DeploymentBoardService Board { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<CanaryOptions> Options { get; init; }

    private IEnumerable<(Deployment Deployment, DeploymentEvent Event)> HistoryEvents =>
        (_board?.History ?? []).SelectMany(d => d.Events.Select(e => (d, e))).OrderByDescending(p => p.e.At).Take(DeploymentBoardService.HistoryLength);

    protected override async Task OnInitializedAsync()
    {
        _refresher = new PageRefresher(Time, TimeSpan.FromSeconds(Math.Min(10, Options.Value.EvaluationSeconds)));
        await RefreshAsync();
        _ = _refresher.RunAsync(InvokeAsync, async () => { await RefreshAsync(); StateHasChanged(); }, DispatchExceptionAsync);
    }

    private async Task RefreshAsync()
    {
        _board = await Board.LoadAsync(null, _refresher?.Token ?? CancellationToken.None);
        _lastUpdate = Time.GetUtcNow();
    }

    private string Age(DateTimeOffset started)
    {
        var age = Time.GetUtcNow() - started;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
            : $"{(int)age.TotalDays} d {age.Hours} h";
    }

    protected override void DisposeCore() => _refresher?.Dispose();
}
