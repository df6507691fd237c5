using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Review;

namespace MonitorDashboard.Storage.Review;

/// <summary>
/// Stores a request's predictions in one transaction. Ids are unique per model: a retried prediction (or the same id
/// twice in one batch) is not stored again, and is left out of the result.
/// </summary>
public sealed class PredictionStore(IDbContextFactory<MonitorDbContext> factory)
{
    /// <summary>The entries that were new, in request order.</summary>
    public async Task<IReadOnlyList<PredictionEntry>> InsertNewAsync(IReadOnlyList<PredictionEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            return await TryInsertNewAsync(entries, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored one of these ids between our read and our insert (SQLite serialises writers, a
            // shared PostgreSQL does not); that commit is visible now, so one more pass leaves it out.
            return await TryInsertNewAsync(entries, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<PredictionEntry>> TryInsertNewAsync(IReadOnlyList<PredictionEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await StoredIdsAsync(db, entries, cancellationToken);
        var fresh = entries.Where(e => taken.Add((e.Prediction.Model, e.Prediction.Id))).ToList();
        db.Predictions.AddRange(fresh.Select(e => e.ToRow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh;
    }

    private static async Task<HashSet<(string Model, string Id)>> StoredIdsAsync(MonitorDbContext db, IReadOnlyList<PredictionEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new HashSet<(string Model, string Id)>();
        foreach (var model in entries.GroupBy(e => e.Prediction.Model))
        {
            var ids = model.Select(e => e.Prediction.Id).Distinct().ToList();
            var found = await db.Predictions.AsNoTracking().Where(p => p.Model == model.Key && ids.Contains(p.ClientId))
                .Select(p => p.ClientId).ToListAsync(cancellationToken);
            stored.UnionWith(found.Select(id => (model.Key, id)));
        }
        return stored;
    }
}
