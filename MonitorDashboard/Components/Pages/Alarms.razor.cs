using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Alarms;
using MonitorDashboard.Components.Dialogs;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage;
using MudBlazor;

namespace MonitorDashboard.Components.Pages;

/// <summary>Every alarm rule with its current state; leads create, edit, clone, disable and delete rules here.</summary>
public partial class Alarms
{
    private IReadOnlyList<AlarmRuleSummary>? _summaries;
    private IReadOnlyDictionary<long, ChartSeries> _sparklines = new Dictionary<long, ChartSeries>();
    private IReadOnlyDictionary<long, IReadOnlyList<ChartAnnotation>> _thresholds = new Dictionary<long, IReadOnlyList<ChartAnnotation>>();
    private IDisposable? _alarmSubscription;

    [Inject] public required AlarmBoardService Board { get; init; }
    [Inject] public required AlarmNotifier Notifier { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<AlarmOptions> Options { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _alarmSubscription = Notifier.Subscribe(AlarmChange.Any, OnChangedAsync, Subscriber);
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var board = await Board.LoadAsync();
        (_summaries, _sparklines, _thresholds) = (board.Summaries, board.Sparklines, board.Thresholds);
    }

    private async Task OnChangedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private async Task EditAsync(AlarmRule? rule, bool clone)
    {
        var parameters = new DialogParameters<AlarmRuleDialog>
        {
            { d => d.Existing, clone ? null : rule },
            { d => d.Template, rule is null ? null : clone ? rule with { Name = rule.Name + " (copy)" } : rule },
        };
        var dialog = await Dialogs.ShowAsync<AlarmRuleDialog>(rule is null ? "New alarm rule" : clone ? "Clone alarm rule" : "Edit alarm rule",
            parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Alarm rule saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ToggleAsync(AlarmRule rule)
    {
        var result = await Board.SetEnabledAsync(rule, !rule.Enabled, await ActorAsync());
        Snackbar.Add(result.Saved ? $"'{rule.Name}' {(rule.Enabled ? "disabled" : "enabled")}." : "The rule was changed by someone else; reloaded.",
            result.Saved ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }

    private async Task DeleteAsync(AlarmRule rule)
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete alarm rule?", $"'{rule.Name}' and its history will be deleted.", yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }
        await Board.DeleteAsync(rule, await ActorAsync());
        Snackbar.Add($"'{rule.Name}' deleted.", Severity.Success);
        await LoadAsync();
    }

    private static string StatusText(AlarmRuleSummary s) =>
        !s.Rule.Enabled ? "disabled"
        : s.Status == AlarmStatus.Firing && s.Series > 1 ? $"{s.Status.ToWire()} {s.Firing}/{s.Series}"
        : s.Status.ToWire();

    private static string Selector(SeriesSelector s) =>
        string.Join(" / ", new[] { s.Model ?? "any model", s.Stage ?? "any stage", s.Version ?? "any version" });

    protected override void DisposeCore() => _alarmSubscription?.Dispose();
}
