using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Alarms;
using MudBlazor;

namespace MonitorDashboard.Components.Dialogs;

public partial class AlarmRuleDialog
{
    private AlarmRuleForm _form = new();
    private Dictionary<string, string[]> _errors = [];
    private BacktestResult? _draftResult;
    private BacktestResult? _currentResult;
    private AlarmRule? _conflict;
    private bool _testing;
    private bool _saving;

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }
    [Inject] public required AlarmRuleStore Rules { get; init; }
    [Inject] public required AlarmBacktester Backtester { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required BrowserTime BrowserTime { get; init; }

    /// <summary>The rule being edited; null when creating (also when cloning).</summary>
    [Parameter] public AlarmRule? Existing { get; set; }

    /// <summary>Values to start from (the rule itself, or the rule being cloned).</summary>
    [Parameter] public AlarmRule? Template { get; set; }

    protected override void OnInitialized()
    {
        _form = Template is null ? new AlarmRuleForm() : AlarmRuleForm.From(Template, BrowserTime.Zone);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private AlarmRule? Validate()
    {
        var rule = AlarmRuleValidator.Validate(_form.ToRequest(BrowserTime.Zone), Existing?.Id ?? 0, out _errors);
        return rule;
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
                Dialog.Close(DialogResult.Ok(await Rules.CreateAsync(rule, actor)));
                return;
            }
            var result = await Rules.UpdateAsync(rule with { ConcurrencyVersion = Existing.ConcurrencyVersion }, actor);
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
            _form = AlarmRuleForm.From(_conflict, BrowserTime.Zone);
            _conflict = null;
        }
    }

    private void Cancel() => Dialog.Cancel();

    private static string Format(TimeSpan span) =>
        span == TimeSpan.Zero ? "none" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0.#} min";

    /// <summary>The editable copy of a rule (strings as typed; local time for the mute).</summary>
    private sealed class AlarmRuleForm
    {
        public string? Name { get; set; }
        public string? Model { get; set; }
        public string? Stage { get; set; }
        public string? Version { get; set; }
        public string? Kind { get; set; }
        public string? Metric { get; set; }
        public string? Aggregation { get; set; } = "p95";
        public string? Window { get; set; } = "5m";
        public string? Comparator { get; set; } = ">";
        public double? Threshold { get; set; }
        public double? RecoveryThreshold { get; set; }
        public string? For { get; set; } = "1m";
        public string? NoData { get; set; } = "keep_last";
        public string? Severity { get; set; } = "warning";
        public bool Enabled { get; set; } = true;
        public string? MutedUntilLocal { get; set; }
        public string? MuteReason { get; set; }
        public string? WebhookUrl { get; set; }

        public static AlarmRuleForm From(AlarmRule rule, TimeZoneInfo zone)
        {
            var r = AlarmRuleRequest.From(rule);
            return new AlarmRuleForm
            {
                Name = r.Name, Model = r.Model, Stage = r.Stage, Version = r.Version, Kind = r.Kind, Metric = r.Metric,
                Aggregation = r.Aggregation, Window = r.Window, Comparator = r.Comparator, Threshold = r.Threshold,
                RecoveryThreshold = r.RecoveryThreshold, For = r.For, NoData = r.NoData, Severity = r.Severity, Enabled = r.Enabled,
                MutedUntilLocal = r.MutedUntil is { } m ? TimeZoneInfo.ConvertTime(m, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
                MuteReason = r.MuteReason, WebhookUrl = r.WebhookUrl,
            };
        }

        public AlarmRuleRequest ToRequest(TimeZoneInfo zone) => new()
        {
            Name = Name, Model = Model, Stage = Stage, Version = Version, Kind = Kind, Metric = Metric, Aggregation = Aggregation,
            Window = Window, Comparator = Comparator, Threshold = Threshold, RecoveryThreshold = RecoveryThreshold, For = For,
            NoData = NoData, Severity = Severity, Enabled = Enabled, MuteReason = MuteReason, WebhookUrl = WebhookUrl,
            MutedUntil = DateTime.TryParseExact(MutedUntilLocal, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new DateTimeOffset(local, zone.GetUtcOffset(local)) : null,
        };
    }
}
