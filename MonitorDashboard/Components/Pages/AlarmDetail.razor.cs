using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Alarms;
using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Components.Pages;

/// <summary>One alarm rule: the state of each series it watches (acknowledged here) and its history.</summary>
public partial class AlarmDetail
{
    private AlarmRule? _rule;
    private bool _loaded;
    private IReadOnlyList<AlarmStateView> _states = [];
    private IReadOnlyList<AlarmHistoryEntry> _history = [];
    private string? _ackComment;
    private IDisposable? _subscription;

    [Parameter] public long Id { get; set; }
    [Inject] public required AlarmBoardService Alarms { get; init; }
    [Inject] public required AlarmNotifier Notifier { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _subscription = Notifier.Subscribe(AlarmChange.Any, OnChangedAsync, Subscriber);
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var detail = await Alarms.DetailAsync(Id, 500);
        (_rule, _states, _history) = (detail.Rule, detail.States, detail.History);
        _loaded = true;
    }

    private async Task AcknowledgeAsync(AlarmStateView state)
    {
        var who = (await AuthenticationState).User.Identity?.Name ?? "unknown";
        await Alarms.AcknowledgeAsync(Id, state.Series.Id, who, _ackComment);
        await LoadAsync();
    }

    private async Task OnChangedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    protected override void DisposeCore() => _subscription?.Dispose();
}
