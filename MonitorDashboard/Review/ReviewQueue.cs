using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Review;

/// <summary>
/// The review queue: a claimed item stays with its reviewer for one lease (<see cref="ReviewOptions.LeaseMinutes"/>),
/// then becomes claimable again. The store makes every claim atomic, so two reviewers never get the same item.
/// </summary>
public sealed class ReviewQueue(ReviewQueueStore store, IOptions<ReviewOptions> options, TimeProvider time)
{
    private TimeSpan Lease => TimeSpan.FromMinutes(options.Value.LeaseMinutes);

    /// <summary>The next unlabelled item for <paramref name="reviewer"/> (their own unexpired claim first), or null when the queue is empty.</summary>
    public async Task<ReviewItem?> ClaimAsync(string reviewer, string? model, QueuePolicy policy, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var id = await store.ClaimAsync(reviewer, model, policy, now, now + Lease, cancellationToken);
        return id is { } claimed ? await GetAsync(claimed, cancellationToken) : null;
    }

    /// <summary>Extends the caller's lease (the labeling page calls this while the item is open).</summary>
    public Task<bool> RenewAsync(long id, string reviewer, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return store.RenewAsync(id, reviewer, now, now + Lease, cancellationToken);
    }

    public async Task<LabelOutcome> LabelAsync(long id, string reviewer, Verdict verdict, string? correctedOutput, string? note, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var changed = verdict == Verdict.Skip
            // A skipped item leaves this reviewer and rests for one lease period before anyone is offered it again.
            ? await store.SkipAsync(id, reviewer, now, now + Lease, cancellationToken)
            : await store.LabelAsync(id, reviewer, verdict.ToWire(), correctedOutput, note, now, cancellationToken);
        return changed ? LabelOutcome.Labelled : await WhyNotAsync(id, cancellationToken);
    }

    /// <summary>Takes back the caller's last label while their lease on it lasts; the item is theirs again.</summary>
    public Task<bool> UndoAsync(long id, string reviewer, CancellationToken cancellationToken = default) =>
        store.UndoAsync(id, reviewer, time.GetUtcNow(), cancellationToken);

    public Task<bool> ReleaseAsync(long id, string reviewer, CancellationToken cancellationToken = default) =>
        store.ReleaseAsync(id, reviewer, cancellationToken);

    public Task<ReviewItem?> GetAsync(long id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<ReviewStats> StatsAsync(string? reviewer, string? model, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return store.StatsAsync(reviewer, model, now, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken);
    }

    private async Task<LabelOutcome> WhyNotAsync(long id, CancellationToken cancellationToken)
    {
        var item = await GetAsync(id, cancellationToken);
        return item is null ? LabelOutcome.NotFound : item.Verdict is not null ? LabelOutcome.AlreadyLabelled : LabelOutcome.LeaseNotHeld;
    }
}
