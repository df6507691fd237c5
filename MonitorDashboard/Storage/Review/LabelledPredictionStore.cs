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
        var (fromMs, toMs) = (from?.ToUnixTimeMilliseconds() ?? long.MinValue, to?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        var rows = db.Predictions.AsNoTracking()
            .Where(p => p.Verdict != null && (model == null || p.Model == model) && p.TimestampMs >= fromMs && p.TimestampMs < toMs)
            .OrderBy(p => p.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new LabelledItem(row.ToItem(), row.LabelledBy, row.LabelledMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
        }
    }
}
