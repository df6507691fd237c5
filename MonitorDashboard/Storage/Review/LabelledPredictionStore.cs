using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Review;

namespace MonitorDashboard.Storage.Review;

/// <summary>Labelled items for export, streamed row by row in id order (memory stays flat however many there are).</summary>
public sealed class LabelledPredictionStore(IDbContextFactory<MonitorDbContext> factory)
{
    public async IAsyncEnumerable<LabelledItem> StreamAsync(string? model, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.Predictions.AsNoTracking()
            .Where(p => p.Verdict != null && (model == null || p.Model == model) && (from == null || p.Timestamp >= from) && (to == null || p.Timestamp < to))
            .OrderBy(p => p.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new LabelledItem(row.ToItem(), row.LabelledBy, row.Labelled);
        }
    }
}
