using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Catalog;
using MudBlazor;

namespace MonitorDashboard.Components.Pages;

/// <summary>Every metric of a model with what reads it; a lead archives the unused ones (confirmed, audited) and restores them.</summary>
public partial class MetricCatalogPage
{
    private IReadOnlyList<string> _models = [];
    private string? _model;
    private IReadOnlyList<MetricUsage>? _rows;
    private bool _onlyUnused;

    [Inject] public required MetricCatalogService Catalog { get; init; }
    [Inject] public required MetricArchiveService Archive { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    private IEnumerable<MetricUsage> VisibleRows => (_rows ?? []).Where(r => !_onlyUnused || r.Unused);

    protected override async Task OnInitializedAsync()
    {
        _models = await Catalog.ModelsAsync();
        _model = _models.FirstOrDefault();
        await LoadAsync();
    }

    private async Task ChangeModelAsync(string model)
    {
        _model = model;
        _rows = null;
        await LoadAsync();
    }

    private async Task LoadAsync() => _rows = _model is null ? [] : await Catalog.ListAsync(_model);

    private async Task ArchiveAsync(MetricUsage metric)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Archive metric?",
            $"{metric.Model}/{metric.Name} disappears from the pages. Its {metric.SeriesCount:N0} series and their points stay stored, and you can restore it here.",
            yesText: "Archive", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        var (outcome, rules) = await Archive.ArchiveAsync(metric.Model, metric.Name, await ActorAsync());
        if (outcome == CatalogOutcome.UsedByAlarm)
        {
            Snackbar.Add($"Not archived: alarm rules read it ({string.Join(", ", rules)}).", Severity.Warning);
        }
        await LoadAsync();
    }

    private async Task RestoreAsync(MetricUsage metric)
    {
        await Archive.RestoreAsync(metric.Model, metric.Name, await ActorAsync());
        await LoadAsync();
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";
}
