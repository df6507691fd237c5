using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Alarms;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>Alarm rules: create, update (optimistic concurrency), delete; every change goes into the audit log.</summary>
public sealed class AlarmRuleStore(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time, AlarmNotifier notifier)
{
    public async Task<IReadOnlyList<AlarmRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AlarmRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRule()).ToList();
    }

    public async Task<AlarmRule?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.AlarmRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken))?.ToRule();
    }

    /// <summary>Webhook failures, shown on the rule so a broken receiver is noticed.</summary>
    public async Task<IReadOnlyDictionary<long, (string Error, DateTimeOffset At)>> WebhookErrorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AlarmRules.AsNoTracking().Where(r => r.LastWebhookError != null)
            .Select(r => new { r.Id, r.LastWebhookError, r.LastWebhookErrorAt }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.LastWebhookError!, r.LastWebhookErrorAt ?? DateTimeOffset.UnixEpoch));
    }

    public async Task<AlarmRule> CreateAsync(AlarmRule rule, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = rule.NewRow();
        row.ConcurrencyVersion = 1;
        Stamp(row, actor);
        db.AlarmRules.Add(row);
        audit.Add(db, actor, "alarm.create", $"alarm rule '{rule.Name}'", null, rule.Describe());
        await db.SaveChangesAsync(cancellationToken);
        notifier.NotifyRulesChanged();
        return row.ToRule();
    }

    /// <summary>Saves <paramref name="rule"/> only if the stored rule still has the version the change was based on.</summary>
    public async Task<AlarmSaveResult> UpdateAsync(AlarmRule rule, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.AlarmRules.FirstOrDefaultAsync(r => r.Id == rule.Id, cancellationToken);
        if (row is null)
        {
            return new AlarmSaveResult(null, NotFound: true);
        }
        var before = row.ToRule();
        // The version the client saw is what EF compares against in the UPDATE's WHERE clause.
        db.Entry(row).Property(r => r.ConcurrencyVersion).OriginalValue = rule.ConcurrencyVersion;
        rule.CopyTo(row);
        row.ConcurrencyVersion = rule.ConcurrencyVersion + 1;
        Stamp(row, actor);
        audit.Add(db, actor, "alarm.update", $"alarm rule '{rule.Name}'", Describe(before), Describe(rule));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AlarmSaveResult(null, Conflict: await GetAsync(rule.Id, cancellationToken));
        }
        notifier.NotifyRulesChanged();
        return new AlarmSaveResult(row.ToRule());
    }

    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.AlarmRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.AlarmRules.Remove(row);
        audit.Add(db, actor, "alarm.delete", $"alarm rule '{row.Name}'", Describe(row.ToRule()), null);
        await db.SaveChangesAsync(cancellationToken);
        notifier.NotifyRulesChanged();
        return true;
    }

    public async Task RecordWebhookResultAsync(long ruleId, string? error, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? at = error == null ? null : time.GetUtcNow();
        await db.AlarmRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LastWebhookError, error)
            .SetProperty(r => r.LastWebhookErrorAt, at), cancellationToken);
    }

    private static string Describe(AlarmRule rule) =>
        $"{rule.Describe()}; severity {rule.Severity.ToWire()}; {(rule.Enabled ? "enabled" : "disabled")}" +
        (rule.RecoveryThreshold is { } r ? $"; recovery {r:G6}" : "") +
        (rule.MutedUntil is { } m ? $"; muted until {m:u} ({rule.MuteReason})" : "");

    private void Stamp(AlarmRuleRow row, string actor)
    {
        row.Updated = time.GetUtcNow();
        row.UpdatedBy = actor;
    }
}
