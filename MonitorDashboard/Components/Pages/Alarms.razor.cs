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
    private static readonly TimeSpan SparklineRange = TimeSpan.FromHours(1);
    private IReadOnlyList<AlarmRuleSummary>? _summaries;
    private Dictionary<long, ChartSeries> _sparklines = [];
    private Dictionary<long, IReadOnlyList<ChartAnnotation>> _thresholds = [];
    private IDisposable? _alarmSubscription;

    [Inject] public required AlarmRuleStore Rules { get; init; }
    [Inject] public required AlarmStateStore States { get; init; }
    [Inject] public required AlarmNotifier Notifier { get; init; }
    [Inject] public required SeriesQueryService Queries { get; init; }
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
        var rules = await Rules.ListAsync();
        _summaries = AlarmRuleSummary.Build(rules, await States.ListAsync(), await Rules.WebhookErrorsAsync());
        (_sparklines, _thresholds) = await SparklinesAsync(rules);
    }

    /// <summary>The rule's aggregate per minute over the last hour (all its series merged), with its threshold.</summary>
    private async Task<(Dictionary<long, ChartSeries>, Dictionary<long, IReadOnlyList<ChartAnnotation>>)> SparklinesAsync(IReadOnlyList<AlarmRule> rules)
    {
        var now = Time.GetUtcNow();
        var lines = new Dictionary<long, ChartSeries>();
        var thresholds = new Dictionary<long, IReadOnlyList<ChartAnnotation>>();
        foreach (var rule in rules)
        {
            var s = rule.Selector;
            var buckets = await Queries.GetBucketsAsync(s,
                (now - SparklineRange).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() + 1, 60_000, CancellationToken.None);
            var worst = buckets.SelectMany(b => b.Buckets).GroupBy(b => b.Ts).OrderBy(g => g.Key)
                .Select(g => ChartSeries.Point(g.Key, g.Select(b => AlarmValueReader.Aggregate(b, rule with { Window = TimeSpan.FromMinutes(1) })).Max()))
                .ToList();
            lines[rule.Id] = new ChartSeries(rule.Name, worst);
            thresholds[rule.Id] = [ChartAnnotation.Threshold(rule.Threshold, "", "#e53935")];
        }
        return (lines, thresholds);
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
        var result = await Rules.UpdateAsync(rule with { Enabled = !rule.Enabled }, await ActorAsync());
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
        await Rules.DeleteAsync(rule.Id, await ActorAsync());
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
