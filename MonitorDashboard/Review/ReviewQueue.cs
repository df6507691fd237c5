using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Review;

/// <summary>
/// The review queue. Claiming is one UPDATE ... WHERE Id = (SELECT ... LIMIT 1) statement: SQLite runs one writer at a
/// time, so two reviewers can never get the same item, and an expired lease simply makes the item claimable again.
/// </summary>
public sealed class ReviewQueue(IDbContextFactory<MonitorDbContext> factory, SqlRunner sql, IOptions<ReviewOptions> options, TimeProvider time)
{
    private const string Claimable = "InQueue = 1 AND Verdict IS NULL AND (LeaseExpiresMs IS NULL OR LeaseExpiresMs < $now) AND (SkippedUntilMs IS NULL OR SkippedUntilMs < $now)";

    private TimeSpan Lease => TimeSpan.FromMinutes(options.Value.LeaseMinutes);

    /// <summary>The next unlabelled item for <paramref name="reviewer"/> (their own unexpired claim first), or null when the queue is empty.</summary>
    public async Task<ReviewItem?> ClaimAsync(string reviewer, string? model, QueuePolicy policy, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var order = policy switch
        {
            QueuePolicy.OldestFirst => "TimestampMs ASC, Id ASC",
            QueuePolicy.NewestFirst => "TimestampMs DESC, Id DESC",
            _ => "ShadowConfidence IS NULL, ShadowConfidence DESC, Id ASC",
        };
        var modelFilter = model is null ? "" : " AND Model = $model";
        var id = await sql.ScalarAsync($"""
            UPDATE Predictions SET LeaseOwner = $me, LeaseExpiresMs = $expires
            WHERE Id = (
                SELECT Id FROM Predictions
                WHERE (InQueue = 1 AND Verdict IS NULL AND LeaseOwner = $me AND LeaseExpiresMs >= $now{modelFilter})
                   OR ({Claimable}{modelFilter})
                ORDER BY (LeaseOwner = $me AND LeaseExpiresMs >= $now) DESC, {order}
                LIMIT 1)
            RETURNING Id
            """, cancellationToken, ("$me", reviewer), ("$now", now.ToUnixTimeMilliseconds()), ("$expires", (now + Lease).ToUnixTimeMilliseconds()), ("$model", model));
        return id is long claimed ? await GetAsync(claimed, cancellationToken) : null;
    }

    /// <summary>Extends the caller's lease (the labeling page calls this while the item is open).</summary>
    public async Task<bool> RenewAsync(long id, string reviewer, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await sql.ExecuteAsync("UPDATE Predictions SET LeaseExpiresMs = $expires WHERE Id = $id AND LeaseOwner = $me AND LeaseExpiresMs >= $now",
            cancellationToken, ("$id", id), ("$me", reviewer), ("$now", now.ToUnixTimeMilliseconds()), ("$expires", (now + Lease).ToUnixTimeMilliseconds())) == 1;
    }

    public async Task<LabelOutcome> LabelAsync(long id, string reviewer, Verdict verdict, string? correctedOutput, string? note, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        const string Held = "Id = $id AND LeaseOwner = $me AND LeaseExpiresMs >= $now AND Verdict IS NULL";
        var changed = verdict == Verdict.Skip
            // A skipped item leaves this reviewer and rests for one lease period before anyone is offered it again.
            ? await sql.ExecuteAsync($"UPDATE Predictions SET LeaseOwner = NULL, LeaseExpiresMs = NULL, SkippedUntilMs = $rest WHERE {Held}",
                cancellationToken, ("$id", id), ("$me", reviewer), ("$now", now), ("$rest", now + (long)Lease.TotalMilliseconds))
            : await sql.ExecuteAsync($"UPDATE Predictions SET Verdict = $verdict, CorrectedJson = $corrected, Note = $note, LabelledBy = $me, LabelledMs = $now WHERE {Held}",
                cancellationToken, ("$id", id), ("$me", reviewer), ("$now", now), ("$verdict", verdict.ToWire()), ("$corrected", correctedOutput), ("$note", note));
        return changed == 1 ? LabelOutcome.Labelled : await WhyNotAsync(id, cancellationToken);
    }

    /// <summary>Takes back the caller's last label while their lease on it lasts; the item is theirs again.</summary>
    public async Task<bool> UndoAsync(long id, string reviewer, CancellationToken cancellationToken = default) =>
        await sql.ExecuteAsync("""
            UPDATE Predictions SET Verdict = NULL, CorrectedJson = NULL, Note = NULL, LabelledBy = NULL, LabelledMs = NULL
            WHERE Id = $id AND LabelledBy = $me AND LeaseOwner = $me AND LeaseExpiresMs >= $now
            """, cancellationToken, ("$id", id), ("$me", reviewer), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())) == 1;

    public async Task<bool> ReleaseAsync(long id, string reviewer, CancellationToken cancellationToken = default) =>
        await sql.ExecuteAsync("UPDATE Predictions SET LeaseOwner = NULL, LeaseExpiresMs = NULL WHERE Id = $id AND LeaseOwner = $me AND Verdict IS NULL",
            cancellationToken, ("$id", id), ("$me", reviewer)) == 1;

    public async Task<ReviewItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Predictions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null ? null : ToItem(row);
    }

    public async Task<ReviewStats> StatsAsync(string? reviewer, string? model, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = db.Predictions.AsNoTracking().Where(p => p.InQueue && (model == null || p.Model == model));
        var waiting = await items.CountAsync(p => p.Verdict == null && (p.LeaseExpiresMs == null || p.LeaseExpiresMs < nowMs), cancellationToken);
        var inProgress = await items.CountAsync(p => p.Verdict == null && p.LeaseExpiresMs >= nowMs, cancellationToken);
        var labelled = items.Where(p => p.Verdict != null);
        return new ReviewStats(waiting, inProgress,
            await labelled.CountAsync(p => p.LabelledMs >= dayStart, cancellationToken),
            reviewer is null ? 0 : await labelled.CountAsync(p => p.LabelledMs >= dayStart && p.LabelledBy == reviewer, cancellationToken),
            await labelled.CountAsync(cancellationToken));
    }

    private async Task<LabelOutcome> WhyNotAsync(long id, CancellationToken cancellationToken)
    {
        var item = await GetAsync(id, cancellationToken);
        return item is null ? LabelOutcome.NotFound : item.Verdict is not null ? LabelOutcome.AlreadyLabelled : LabelOutcome.LeaseNotHeld;
    }

    private static ReviewItem ToItem(PredictionRow r) => new(r.Id, r.ClientId, r.Model, r.Stage, DateTimeOffset.FromUnixTimeMilliseconds(r.TimestampMs),
        r.InputJson, r.ProductionJson, r.ProductionSource, r.ProductionVersion, r.ShadowJson, r.ShadowVersion, r.ShadowConfidence, r.Agrees,
        r.LeaseExpiresMs is { } lease ? DateTimeOffset.FromUnixTimeMilliseconds(lease) : null, r.Verdict, r.CorrectedJson, r.Note);
}
