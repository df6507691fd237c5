using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Review;

namespace MonitorDashboard.Components.Pages;

/// <summary>Labeling: claim an item, decide with the keyboard, move on; the lease is renewed while the page is open.</summary>
public partial class ReviewQueuePage
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollEmptyEvery = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<string> _models = [];
    private string? _model;
    private QueuePolicy _policy = QueuePolicy.HighestConfidence;
    private ReviewItem? _item;
    private long? _lastLabelled;
    private ReviewStats? _stats;
    private bool _loading = true;
    private string? _message;
    private string _reviewer = "unknown";

    [Inject] public required ReviewDeskService Desk { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _reviewer = (await AuthenticationState).User.Identity?.Name ?? "unknown";
        _models = await Desk.ModelsAsync();
        await NextAsync();
        _ = KeepAliveAsync();
    }

    private async Task NextAsync(long? release = null) => Show(await Desk.NextAsync(_reviewer, _model, _policy, release));

    private void Show(ReviewDesk desk)
    {
        (_item, _stats) = (desk.Item, desk.Stats);
        _loading = false;
    }

    private async Task DecideAsync((Verdict Verdict, string? Corrected, string? Note) decision)
    {
        if (_item is null)
        {
            return;
        }
        var outcome = await Desk.LabelAsync(_item.Id, _reviewer, decision.Verdict, decision.Corrected, decision.Note);
        _message = outcome switch
        {
            LabelOutcome.Labelled => null,
            LabelOutcome.LeaseNotHeld => "Your hold on that item expired and someone else may have it; here is the next one.",
            _ => "That item was already labelled; here is the next one.",
        };
        _lastLabelled = outcome == LabelOutcome.Labelled && decision.Verdict != Verdict.Skip ? _item.Id : _lastLabelled;
        await NextAsync();
    }

    private async Task UndoAsync()
    {
        if (_lastLabelled is not { } id)
        {
            return;
        }
        _lastLabelled = null;
        if (await Desk.UndoAsync(id, _item?.Id, _reviewer, _model) is { } desk)
        {
            Show(desk);
        }
        else
        {
            _message = "That label can no longer be undone: your hold on the item has expired.";
        }
    }

    private async Task ChangeModelAsync(string? model)
    {
        _model = model;
        await NextAsync(release: _item?.Id);
    }

    private async Task ChangePolicyAsync(QueuePolicy policy)
    {
        _policy = policy;
        await NextAsync(release: _item?.Id);
    }

    /// <summary>Renews the held item's lease and, while the queue is empty, looks for new work.</summary>
    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(PollEmptyEvery, Time);
        var lastRenew = Time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(async () =>
                {
                    if (_item is null)
                    {
                        await NextAsync();
                        StateHasChanged();
                    }
                    else if (Time.GetUtcNow() - lastRenew >= RenewEvery)
                    {
                        lastRenew = Time.GetUtcNow();
                        _item = await Desk.RenewAsync(_item.Id, _reviewer);
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // page closed: an unlabelled item returns to the queue when its lease runs out
        }
    }

    protected override void DisposeCore()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
