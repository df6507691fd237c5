using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Deployments;
using MonitorDashboard.Deployments.Canary;
using MudBlazor;

namespace MonitorDashboard.Components.Pages;

/// <summary>One deployment: the canary analysis (refreshed every evaluation cycle), the lead's buttons, the latency chart, the events.</summary>
public partial class DeploymentDetail
{
    private Deployment? _deployment;
    private CanaryReport? _report;
    private MetricPanel? _chart;
    private IReadOnlyList<ChartAnnotation> _markers = [];
    private bool _loaded;
    private bool _busy;
    private int _traffic;
    private string? _note;
    private string? _extraMetrics;
    private string? _actionError;
    private PageRefresher? _refresher;

    [Parameter] public long Id { get; set; }

    [Inject] public required DeploymentBoardService Board { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<CanaryOptions> Options { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _refresher = new PageRefresher(Time, TimeSpan.FromSeconds(Options.Value.EvaluationSeconds));
        await LoadAsync(resetInputs: true);
        _loaded = true;
        _ = _refresher.RunAsync(InvokeAsync, async () => { await LoadAsync(resetInputs: false); StateHasChanged(); }, DispatchExceptionAsync);
    }

    private async Task LoadAsync(bool resetInputs)
    {
        var token = _refresher?.Token ?? CancellationToken.None;
        _deployment = await Board.GetAsync(Id, token);
        if (_deployment is null)
        {
            return;
        }
        if (resetInputs)
        {
            _traffic = Math.Min(100, Math.Max(_deployment.TrafficPercent * 2, 5));
        }
        _report = await Board.AnalyzeAsync(_deployment, ExtraMetrics(), token);
        (_chart, _markers) = await Board.ChartAsync(_deployment, _report.BaselineVersion, Time.GetUtcNow(), token);
    }

    private async Task AnalyzeAsync()
    {
        await LoadAsync(resetInputs: false);
        StateHasChanged();
    }

    private Task OnExtraMetricsKeyDownAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) =>
        e.Key == "Enter" ? AnalyzeAsync() : Task.CompletedTask;

    private IReadOnlyList<string> ExtraMetrics() =>
        (_extraMetrics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private async Task ApplyAsync(DeploymentAction action)
    {
        _busy = true;
        _actionError = null;
        try
        {
            var user = (await Authentication).User.Identity?.Name ?? "unknown";
            var result = await Board.ApplyAsync(Id, action, action == DeploymentAction.Traffic ? _traffic : null, _note, user, CancellationToken.None);
            if (result.InvalidReason is { } error)
            {
                _actionError = error;
                return;
            }
            Snackbar.Add($"{action.ToWire()} recorded", MudBlazor.Severity.Success);
            _note = null;
            await LoadAsync(resetInputs: true);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetDirectionAsync(string metric, string? wire)
    {
        if (!MetricDirectionWire.TryParse(wire, out var direction))
        {
            return;
        }
        var user = (await Authentication).User.Identity?.Name ?? "unknown";
        await Board.SetDirectionAsync(metric, direction, user, CancellationToken.None);
        Snackbar.Add($"{metric}: {direction.ToWire()} from now on", MudBlazor.Severity.Success);
        await LoadAsync(resetInputs: false);
    }

    private static MudBlazor.Severity AlertSeverity(string recommendation) => recommendation switch
    {
        "rollback" => MudBlazor.Severity.Error,
        "promote" => MudBlazor.Severity.Success,
        _ => MudBlazor.Severity.Warning,
    };

    protected override void DisposeCore() => _refresher?.Dispose();
}
