using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Catalog;
using MudBlazor;

namespace MonitorDashboard.Components.Pages;

/// <summary>Every metric of a model with what reads it; a lead archives the unused ones and restores them, or deletes them (confirmed, audited).</summary>
public partial class MetricCatalogPage
{
    private IReadOnlyList<string> _models = [];
    private string? _model;
    private IReadOnlyList<MetricUsage>? _rows;
    private bool _onlyUnused;
    private bool _deleting;

    [Inject] public required MetricCatalogService Catalog { get; init; }
    [Inject] public required MetricArchiveService Archive { get; init; }
    [Inject] public required MetricDeletionService Deletion { get; init; }
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

    private async Task DeleteAsync(MetricUsage metric)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete metric?",
            $"{metric.Model}/{metric.Name}: its {metric.SeriesCount:N0} series, their points and rollups are deleted for good. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        _deleting = true;
        try
        {
            var (outcome, rules, deleted) = await Deletion.DeleteMetricAsync(metric.Model, metric.Name, await ActorAsync());
            Snackbar.Add(outcome switch
            {
                CatalogOutcome.UsedByAlarm => $"Not deleted: alarm rules read it ({string.Join(", ", rules)}).",
                CatalogOutcome.Done => $"Deleted {metric.Name}: {deleted!.Series:N0} series, {deleted.Points:N0} points.",
                _ => $"{metric.Name} was already gone.",
            }, outcome == CatalogOutcome.Done ? Severity.Success : Severity.Warning);
        }
        finally
        {
            _deleting = false;
        }
        _models = await Catalog.ModelsAsync();
        await LoadAsync();
    }

    private async Task RestoreAsync(MetricUsage metric)
    {
        await Archive.RestoreAsync(metric.Model, metric.Name, await ActorAsync());
        await LoadAsync();
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";
}
