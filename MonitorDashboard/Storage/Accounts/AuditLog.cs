using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Accounts;

namespace MonitorDashboard.Storage.Accounts;

/// <summary>Who changed what, when, from what to what. Written in the same transaction as the change where possible.</summary>
public sealed class AuditLog(IDbContextFactory<MonitorDbContext> factory, TimeProvider time)
{
    /// <summary>Adds the entry to a change in progress: the storage classes call it before their own SaveChanges.</summary>
    public void Add(MonitorDbContext db, string actor, string action, string target, string? oldValue, string? newValue) =>
        db.AuditLog.Add(new AuditEntryRow
        {
            Timestamp = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            OldValue = oldValue,
            NewValue = newValue,
        });

    public async Task RecordAsync(string actor, string action, string target, string? oldValue, string? newValue, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, target, oldValue, newValue);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new AuditEntry(r.Timestamp, r.Actor, r.Action, r.Target, r.OldValue, r.NewValue)).ToList();
    }
}
