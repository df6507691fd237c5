using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Review;

namespace MonitorDashboard.Storage.Review;

/// <summary>
/// The review queue's rows. Every change is one conditional UPDATE, so a lease is only ever changed by its holder.
/// Claiming needs one statement that picks and takes an item atomically; that statement differs per engine
/// (<see cref="SqliteReviewQueueStore"/>, <see cref="PostgresReviewQueueStore"/>).
/// </summary>
public abstract class ReviewQueueStore(IDbContextFactory<MonitorDbContext> factory)
{
    /// <summary>The id claimed for <paramref name="reviewer"/> until <paramref name="expires"/> (their own unexpired claim first), or null.</summary>
    public async Task<long?> ClaimAsync(string reviewer, string? model, QueuePolicy policy, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = policy switch
        {
            QueuePolicy.OldestFirst => "\"TimestampMs\" ASC, \"Id\" ASC",
            QueuePolicy.NewestFirst => "\"TimestampMs\" DESC, \"Id\" DESC",
            _ => "\"ShadowConfidence\" IS NULL, \"ShadowConfidence\" DESC, \"Id\" ASC",
        };
        var claimed = await db.Database
            .SqlQueryRaw<long>(ClaimSql(order), reviewer, now.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds(), model ?? "", model is null)
            .ToListAsync(cancellationToken);
        return claimed.Count == 1 ? claimed[0] : null;
    }

    /// <summary>
    /// One statement that leases one claimable item and returns its id as column <c>Value</c>. Parameters: {0} reviewer,
    /// {1} now, {2} lease end (Unix ms), {3} model, {4} true for any model. <paramref name="order"/> is one of three constants.
    /// </summary>
    protected abstract string ClaimSql(string order);

    /// <summary>The part both engines share: the caller's own unexpired claim, or any free item, under the model filter.</summary>
    protected const string Claimable = """
        "InQueue" AND "Verdict" IS NULL AND ({4} OR "Model" = {3})
        AND (("LeaseOwner" = {0} AND "LeaseExpiresMs" >= {1})
             OR (("LeaseExpiresMs" IS NULL OR "LeaseExpiresMs" < {1}) AND ("SkippedUntilMs" IS NULL OR "SkippedUntilMs" < {1})))
        """;

    /// <summary>The caller's own claim sorts first (COALESCE: PostgreSQL sorts NULL first in DESC order, SQLite last).</summary>
    protected const string OwnFirst = "COALESCE(\"LeaseOwner\" = {0} AND \"LeaseExpiresMs\" >= {1}, FALSE) DESC";

    public async Task<bool> RenewAsync(long id, string reviewer, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.Where(p => p.Id == id && p.LeaseOwner == reviewer && p.LeaseExpires >= now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseExpires, expires), cancellationToken) == 1;
    }

    /// <summary>Labels an item the reviewer holds; false when they do not hold it (any more) or it is labelled.</summary>
    public async Task<bool> LabelAsync(long id, string reviewer, string verdict, string? correctedOutput, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Held(db, id, reviewer, now).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Verdict, verdict)
            .SetProperty(p => p.CorrectedJson, correctedOutput)
            .SetProperty(p => p.Note, note)
            .SetProperty(p => p.LabelledBy, reviewer)
            .SetProperty(p => p.Labelled, now), cancellationToken) == 1;
    }

    /// <summary>Gives a held item back; it rests until <paramref name="restUntil"/> before anyone is offered it again.</summary>
    public async Task<bool> SkipAsync(long id, string reviewer, DateTimeOffset now, DateTimeOffset restUntil, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Held(db, id, reviewer, now).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LeaseOwner, (string?)null)
            .SetProperty(p => p.LeaseExpires, (DateTimeOffset?)null)
            .SetProperty(p => p.SkippedUntil, restUntil), cancellationToken) == 1;
    }

    public async Task<bool> UndoAsync(long id, string reviewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.Where(p => p.Id == id && p.LabelledBy == reviewer && p.LeaseOwner == reviewer && p.LeaseExpires >= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Verdict, (string?)null)
                .SetProperty(p => p.CorrectedJson, (string?)null)
                .SetProperty(p => p.Note, (string?)null)
                .SetProperty(p => p.LabelledBy, (string?)null)
                .SetProperty(p => p.Labelled, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    public async Task<bool> ReleaseAsync(long id, string reviewer, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.Where(p => p.Id == id && p.LeaseOwner == reviewer && p.Verdict == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LeaseOwner, (string?)null)
                .SetProperty(p => p.LeaseExpires, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    public async Task<ReviewItem?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Predictions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row?.ToItem();
    }

    public async Task<ReviewStats> StatsAsync(string? reviewer, string? model, DateTimeOffset now, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = db.Predictions.AsNoTracking().Where(p => p.InQueue && (model == null || p.Model == model));
        var waiting = await items.CountAsync(p => p.Verdict == null && (p.LeaseExpires == null || p.LeaseExpires < now), cancellationToken);
        var inProgress = await items.CountAsync(p => p.Verdict == null && p.LeaseExpires >= now, cancellationToken);
        var labelled = items.Where(p => p.Verdict != null);
        return new ReviewStats(waiting, inProgress,
            await labelled.CountAsync(p => p.Labelled >= dayStart, cancellationToken),
            reviewer is null ? 0 : await labelled.CountAsync(p => p.Labelled >= dayStart && p.LabelledBy == reviewer, cancellationToken),
            await labelled.CountAsync(cancellationToken));
    }

    private static IQueryable<PredictionRow> Held(MonitorDbContext db, long id, string reviewer, DateTimeOffset now) =>
        db.Predictions.Where(p => p.Id == id && p.LeaseOwner == reviewer && p.LeaseExpires >= now && p.Verdict == null);
}
