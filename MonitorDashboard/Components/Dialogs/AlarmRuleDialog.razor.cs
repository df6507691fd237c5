using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Alarms;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Webhooks;
using MudBlazor;

namespace MonitorDashboard.Components.Dialogs;

public partial class AlarmRuleDialog
{
    private AlarmRuleRequest _form = NewRule();
    private string? _mutedUntilLocal;
    private Dictionary<string, string[]> _errors = [];
    private BacktestResult? _draftResult;
    private BacktestResult? _currentResult;
    private AlarmRule? _conflict;
    private bool _testing;
    private bool _saving;

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }
    [Inject] public required AlarmBoardService Alarms { get; init; }
    [Inject] public required AlarmBacktester Backtester { get; init; }
    [Inject] public required WebhookPolicy Webhooks { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required BrowserTime BrowserTime { get; init; }

    /// <summary>The rule being edited; null when creating (also when cloning).</summary>
    [Parameter] public AlarmRule? Existing { get; set; }

    /// <summary>Values to start from (the rule itself, or the rule being cloned).</summary>
    [Parameter] public AlarmRule? Template { get; set; }

    protected override void OnInitialized()
    {
        Load(Template);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private AlarmRule? Validate()
    {
        _form.MutedUntil = DateTime.TryParseExact(_mutedUntilLocal, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, BrowserTime.Zone.GetUtcOffset(local))
            : null;
        return AlarmEndpoints.Validate(_form, Existing?.Id ?? 0, Webhooks, out _errors);
    }

    private async Task BacktestAsync()
    {
        if (Validate() is not { } draft)
        {
            return;
        }
        _testing = true;
        try
        {
            var now = Time.GetUtcNow();
            _draftResult = await Backtester.RunAsync(draft, now, CancellationToken.None);
            _currentResult = Existing is null ? null : await Backtester.RunAsync(Existing, now, CancellationToken.None);
        }
        finally
        {
            _testing = false;
        }
    }

    private async Task SaveAsync()
    {
        if (Validate() is not { } rule)
        {
            return;
        }
        _saving = true;
        try
        {
            var actor = (await AuthenticationState).User.Identity?.Name ?? "unknown";
            if (Existing is null)
            {
                Dialog.Close(DialogResult.Ok(await Alarms.CreateAsync(rule, actor)));
                return;
            }
            var result = await Alarms.UpdateAsync(rule with { ConcurrencyVersion = Existing.ConcurrencyVersion }, actor);
            if (result.Saved)
            {
                Dialog.Close(DialogResult.Ok(result.Rule));
            }
            else
            {
                _conflict = result.Conflict;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void ReloadFromConflict()
    {
        if (_conflict is not null)
        {
            Existing = _conflict;
            Load(_conflict);
            _conflict = null;
        }
    }

    private void Cancel() => Dialog.Cancel();

    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>Sensible defaults for a new rule: p95 over 5 minutes, pending 1 minute, keep last state without data.</summary>
    private static AlarmRuleRequest NewRule() => new() { Aggregation = "p95", Window = "5m", For = "1m", NoData = "keep_last" };

    private void Load(AlarmRule? rule)
    {
        _form = rule is null ? NewRule() : AlarmRuleRequest.From(rule);
        _mutedUntilLocal = _form.MutedUntil is { } m ? TimeZoneInfo.ConvertTime(m, BrowserTime.Zone).ToString(LocalFormat, CultureInfo.InvariantCulture) : null;
    }

    private static string Format(TimeSpan span) =>
        span == TimeSpan.Zero ? "none" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0.#} min";
}
