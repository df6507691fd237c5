using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Review;

/// <summary>Deletes prediction payloads past their age, or of one user, in small steps (each one short transaction), like the points' retention.</summary>
public sealed class PredictionPrivacyStore(IDbContextFactory<MonitorDbContext> factory)
{
    /// <summary>Up to <paramref name="limit"/> predictions of the model older than the cut-off, unlabelled or labelled; the number deleted.</summary>
    public async Task<int> DeleteOlderThanAsync(string model, bool labelled, DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Predictions
            .Where(p => p.Model == model && (p.Verdict != null) == labelled && p.Timestamp < cutoff)
            .OrderBy(p => p.Id).Take(limit)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> predictions of the model whose input holds <paramref name="userId"/> at the JSON path; the number deleted.</summary>
    public async Task<int> DeleteOfUserAsync(string model, string jsonPath, string userId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // EF has no JSON function for a text column here, and each engine names its own; the interpolated values become
        // parameters. A simple path such as $.user.id means the same to SQLite's json_extract and PostgreSQL's jsonpath.
        return db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "Predictions" WHERE "Id" IN (
                    SELECT "Id" FROM "Predictions" WHERE "Model" = {model}
                    AND jsonb_path_query_first("InputJson"::jsonb, {jsonPath}::jsonpath) #>> ARRAY[]::text[] = {userId} LIMIT {limit})
                """, cancellationToken)
            : await db.Database.ExecuteSqlAsync($"""
                DELETE FROM Predictions WHERE Id IN (
                    SELECT Id FROM Predictions WHERE Model = {model} AND CAST(json_extract(InputJson, {jsonPath}) AS TEXT) = {userId} LIMIT {limit})
                """, cancellationToken);
    }
}
