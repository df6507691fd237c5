using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Catalog;

/// <summary>Chart opens per metric and day: added in batches by one upsert per metric-day, summed over the catalog's window.</summary>
public sealed class ChartOpenStore(SqlRunner sql, IDbContextFactory<MonitorDbContext> factory)
{
    public async Task AddAsync(IReadOnlyDictionary<(string Model, string Name, long DayMs), long> opens, CancellationToken cancellationToken)
    {
        foreach (var ((model, name, dayMs), count) in opens)
        {
            await sql.ExecuteAsync(
                """
                INSERT INTO "ChartOpens" ("Model", "Name", "DayMs", "Opens") VALUES (@model, @name, @day, @opens)
                ON CONFLICT ("Model", "Name", "DayMs") DO UPDATE SET "Opens" = "ChartOpens"."Opens" + excluded."Opens"
                """,
                cancellationToken, ("model", model), ("name", name), ("day", dayMs), ("opens", count));
        }
    }

    /// <summary>Opens per metric of the model on the days from <paramref name="fromDayMs"/> on.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(string model, long fromDayMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ChartOpens.Where(o => o.Model == model && o.DayMs >= fromDayMs)
            .GroupBy(o => o.Name).Select(g => new { g.Key, Opens = g.Sum(o => o.Opens) })
            .ToDictionaryAsync(g => g.Key, g => g.Opens, cancellationToken);
    }
}
