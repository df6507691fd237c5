using MonitorDashboard.Review;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Dashboards;

/// <summary>
/// The labelling page's steps over the review queue: each step returns the whole <see cref="ReviewDesk"/> the page
/// shows next, so the page only renders and routes keys.
/// </summary>
public sealed class ReviewDeskService(ReviewQueue queue, ReviewInsights insights)
{
    public Task<IReadOnlyList<string>> ModelsAsync(CancellationToken cancellationToken = default) => insights.ModelsAsync(cancellationToken);

    /// <summary>Releases what the reviewer holds (if anything) and claims the next item under the model filter and policy.</summary>
    public async Task<ReviewDesk> NextAsync(string reviewer, string? model, QueuePolicy policy, long? release = null, CancellationToken cancellationToken = default)
    {
        if (release is { } held)
        {
            await queue.ReleaseAsync(held, reviewer, cancellationToken);
        }
        var item = await queue.ClaimAsync(reviewer, model, policy, cancellationToken);
        return new ReviewDesk(item, await queue.StatsAsync(reviewer, model, cancellationToken));
    }

    public Task<LabelOutcome> LabelAsync(long id, string reviewer, Verdict verdict, string? correctedOutput, string? note, CancellationToken cancellationToken = default) =>
        queue.LabelAsync(id, reviewer, verdict, correctedOutput, note, cancellationToken);

    /// <summary>
    /// Takes back the reviewer's last label and puts that item in front of them again, releasing the one they held.
    /// Null when the label can no longer be undone (the hold on it expired).
    /// </summary>
    public async Task<ReviewDesk?> UndoAsync(long labelled, long? holding, string reviewer, string? model, CancellationToken cancellationToken = default)
    {
        if (!await queue.UndoAsync(labelled, reviewer, cancellationToken))
        {
            return null;
        }
        if (holding is { } held && held != labelled)
        {
            await queue.ReleaseAsync(held, reviewer, cancellationToken);
        }
        return new ReviewDesk(await queue.GetAsync(labelled, cancellationToken), await queue.StatsAsync(reviewer, model, cancellationToken));
    }

    /// <summary>Extends the reviewer's hold on the item; answers the item as stored now (its new lease end).</summary>
    public async Task<ReviewItem?> RenewAsync(long id, string reviewer, CancellationToken cancellationToken = default)
    {
        await queue.RenewAsync(id, reviewer, cancellationToken);
        return await queue.GetAsync(id, cancellationToken);
    }

    public Task ReleaseAsync(long id, string reviewer, CancellationToken cancellationToken = default) => queue.ReleaseAsync(id, reviewer, cancellationToken);
}
