using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Components.Pages;

/// <summary>The home page: every model, its stages in pipeline order and the versions of each side by side.</summary>
public partial class Overview : IDisposable
{
    /// <summary>The overview shows minute-level health, so it refreshes on a timer rather than per point.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<PipelineSummary>? _pipelines;
    private DateTimeOffset? _lastUpdate;

    [Inject] public required PipelineSummaryService Summaries { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    protected override async Task OnInitializedAsync()
    {
        await RefreshAsync();
        _ = RefreshPeriodicallyAsync();
    }

    private async Task RefreshAsync()
    {
        _pipelines = await Summaries.LoadAsync(Time.GetUtcNow(), _stop.Token);
        _lastUpdate = Time.GetUtcNow();
    }

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // page closed
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private static string StageLink(string model, string stage) =>
        Urls.Software + new DashboardFilter(model, stage, [], TimeRange.Default, true).ToQuery();

    private static string Format(double? value, string format, string unit) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
