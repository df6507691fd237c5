using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Review;

namespace MonitorDashboard.Storage.Review;

/// <summary>Verdict shares and automation readiness per model, from the stored predictions and labels.</summary>
public sealed class ReviewInsights(IDbContextFactory<MonitorDbContext> factory)
{
    public async Task<IReadOnlyList<string>> ModelsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.AsNoTracking().Select(p => p.Model).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);
    }

    public async Task<ReadinessReport> ReadinessAsync(string model, string? shadowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cases = await db.Predictions.AsNoTracking()
            .Where(p => p.Model == model && (shadowVersion == null || p.ShadowVersion == shadowVersion))
            .Select(p => new ReadinessCalculator.Case(p.ShadowConfidence, p.Agrees, p.Verdict))
            .ToListAsync(cancellationToken);
        return ReadinessCalculator.Compute(cases);
    }

    public async Task<IReadOnlyDictionary<string, int>> VerdictSharesAsync(string model, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.AsNoTracking().Where(p => p.Model == model && p.Verdict != null)
            .GroupBy(p => p.Verdict!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
