using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage.Review;

/// <summary>
/// PostgreSQL runs claims of several instances at once: FOR UPDATE SKIP LOCKED makes a concurrent claim pass over a row
/// another transaction is taking instead of waiting for it and then taking it too, so each item goes to one reviewer.
/// </summary>
public sealed class PostgresReviewQueueStore(IDbContextFactory<MonitorDbContext> factory) : ReviewQueueStore(factory)
{
    protected override string ClaimSql(string order) => $$"""
        UPDATE "Predictions" SET "LeaseOwner" = {0}, "LeaseExpiresMs" = {2}
        WHERE "Id" = (SELECT "Id" FROM "Predictions" WHERE {{Claimable}} ORDER BY {{OwnFirst}}, {{order}} LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;
}
