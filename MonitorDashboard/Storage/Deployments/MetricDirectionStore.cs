using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Storage.Deployments;

/// <summary>Which way each metric gets worse (wire values of <see cref="MetricDirections"/>); metrics not listed are two-sided.</summary>
public sealed class MetricDirectionStore(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.MetricDirections.AsNoTracking().OrderBy(d => d.Name).ToDictionaryAsync(d => d.Name, d => d.Direction, ct);
    }

    public async Task SetAsync(string metric, string direction, string actor, CancellationToken ct)
    {
        if (!MetricDirections.IsValid(direction))
        {
            throw new ArgumentException($"The direction {MetricDirections.Rule}.", nameof(direction));
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.MetricDirections.FirstOrDefaultAsync(d => d.Name == metric, ct);
        var before = row?.Direction;
        if (row is null)
        {
            row = new MetricDirectionRow { Name = metric, Direction = direction, UpdatedBy = actor };
            db.MetricDirections.Add(row);
        }
        (row.Direction, row.UpdatedBy, row.UpdatedMs) = (direction, actor, time.GetUtcNow().ToUnixTimeMilliseconds());
        audit.Add(db, actor, "metric.direction", $"metric '{metric}'", before, direction);
        await db.SaveChangesAsync(ct);
    }
}
