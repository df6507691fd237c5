using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Storage.Catalog;

/// <summary>Which metrics are archived; archiving and restoring are audited in the same transaction.</summary>
public sealed class MetricArchiveStore(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlySet<(string Model, string Name)>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ArchivedMetrics.AsNoTracking().Select(a => new { a.Model, a.Name }).ToListAsync(cancellationToken);
        return rows.Select(a => (a.Model, a.Name)).ToHashSet();
    }

    /// <summary>False when it was archived already.</summary>
    public async Task<bool> ArchiveAsync(string model, string name, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.ArchivedMetrics.AnyAsync(a => a.Model == model && a.Name == name, cancellationToken))
        {
            return false;
        }
        db.ArchivedMetrics.Add(new ArchivedMetricRow { Model = model, Name = name, ArchivedBy = actor, ArchivedMs = time.GetUtcNow().ToUnixTimeMilliseconds() });
        audit.Add(db, actor, "metric.archive", $"{model}/{name}", null, "archived");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>False when it was not archived.</summary>
    public async Task<bool> RestoreAsync(string model, string name, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ArchivedMetrics.FirstOrDefaultAsync(a => a.Model == model && a.Name == name, cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.ArchivedMetrics.Remove(row);
        audit.Add(db, actor, "metric.restore", $"{model}/{name}", "archived", null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
