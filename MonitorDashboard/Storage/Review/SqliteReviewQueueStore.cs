using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Review;

/// <summary>SQLite runs one writer at a time, so one UPDATE ... WHERE Id = (SELECT ... LIMIT 1) can never hand an item out twice.</summary>
public sealed class SqliteReviewQueueStore(IDbContextFactory<MonitorDbContext> factory) : ReviewQueueStore(factory)
{
    protected override string ClaimSql(string order) => $$"""
        UPDATE "Predictions" SET "LeaseOwner" = {0}, "LeaseExpiresMs" = {2}
        WHERE "Id" = (SELECT "Id" FROM "Predictions" WHERE {{Claimable}} ORDER BY {{OwnFirst}}, {{order}} LIMIT 1)
        RETURNING "Id" AS "Value"
        """;
}
