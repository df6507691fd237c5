using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>
/// The alarm webhooks still to send: transitions stored with <see cref="AlarmHistoryRow.WebhookPending"/> by
/// <see cref="AlarmStateStore.SaveCycleAsync"/>, oldest first, until <see cref="MarkSentAsync"/>.
/// </summary>
public sealed class AlarmWebhookOutbox(IDbContextFactory<MonitorDbContext> factory)
{
    public async Task<IReadOnlyList<AlarmNotification>> ListPendingAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from h in db.AlarmHistory.AsNoTracking()
                          where h.WebhookPending
                          join r in db.AlarmRules.AsNoTracking() on h.RuleId equals r.Id
                          orderby h.Id
                          select new { History = h, Rule = r }).Take(take).ToListAsync(cancellationToken);
        return rows.Select(p => new AlarmNotification(p.History.Id, p.Rule.ToRule(), p.History.SeriesId,
            new AlarmTransition(p.History.FromStatus, p.History.ToStatus, p.History.Timestamp, p.History.Value))).ToList();
    }

    public async Task MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.AlarmHistory.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.WebhookPending, false), cancellationToken);
    }
}
