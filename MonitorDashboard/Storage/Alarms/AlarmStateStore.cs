using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Alarms;

namespace MonitorDashboard.Storage.Alarms;

/// <summary>Current alarm states per (rule, series), their history and acknowledgements.</summary>
public sealed class AlarmStateStore(IDbContextFactory<MonitorDbContext> factory, SeriesQueryService series)
{
    public async Task<Dictionary<long, Dictionary<long, AlarmState>>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AlarmStates.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RuleId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.SeriesId, ToState));
    }

    /// <summary>
    /// Stores a whole cycle's states and transitions in one transaction (one fsync per cycle, not per rule), with the
    /// webhooks those transitions owe (<see cref="AlarmRuleOutcome.NotifiesWebhook"/>), so a crash can lose neither.
    /// A new firing clears an old acknowledgement.
    /// </summary>
    /// <returns>
    /// False, saving nothing, when a state is no longer what the cycle read (another instance saved it meanwhile, e.g.
    /// one that still believed it held the evaluation lease): a transition is stored, and notified, once.
    /// </returns>
    public async Task<bool> SaveCycleAsync(IReadOnlyList<AlarmRuleOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.AlarmStates.ToDictionaryAsync(s => (s.RuleId, s.SeriesId), cancellationToken);
        foreach (var outcome in outcomes)
        {
            Apply(db, existing, outcome);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static void Apply(MonitorDbContext db, Dictionary<(long, long), AlarmStateRow> existing, AlarmRuleOutcome outcome)
    {
        var (ruleId, states, transitions) = (outcome.RuleId, outcome.States, outcome.Transitions);
        var changedFrom = transitions.ToDictionary(t => t.SeriesId, t => t.Transition.From);
        foreach (var (seriesId, state) in states)
        {
            if (!existing.TryGetValue((ruleId, seriesId), out var row))
            {
                // Ok until the first save: a series that starts out firing counts as newly firing below.
                row = new AlarmStateRow { RuleId = ruleId, SeriesId = seriesId, Status = AlarmStatus.Ok };
                db.AlarmStates.Add(row);
            }
            else
            {
                // The UPDATE matches only the status this cycle started from (Status is a concurrency token).
                db.Entry(row).Property(r => r.Status).OriginalValue = changedFrom.GetValueOrDefault(seriesId, state.Status);
            }
            if (row.Status != AlarmStatus.Firing && state.Status == AlarmStatus.Firing)
            {
                (row.AcknowledgedBy, row.Acknowledged, row.AcknowledgeComment) = (null, null, null);
            }
            row.Status = state.Status;
            row.Since = state.Since;
            row.PendingSince = state.PendingSince;
            row.Value = state.Value;
            row.Evaluated = state.EvaluatedAt;
        }
        foreach (var (seriesId, transition) in transitions)
        {
            db.AlarmHistory.Add(new AlarmHistoryRow
            {
                RuleId = ruleId,
                SeriesId = seriesId,
                Timestamp = transition.At,
                FromStatus = transition.From,
                ToStatus = transition.To,
                Value = transition.Value,
                WebhookPending = outcome.NotifiesWebhook && transition.StartsOrEndsFiring,
            });
        }
    }

    public async Task<IReadOnlyList<AlarmStateView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from s in db.AlarmStates.AsNoTracking()
                          join r in db.AlarmRules.AsNoTracking() on s.RuleId equals r.Id
                          select new { State = s, r.Name, r.Severity }).ToListAsync(cancellationToken);
        var seriesById = (await series.ListSeriesAsync(SeriesSelector.All, cancellationToken)).ToDictionary(s => s.Id);
        return rows.Where(r => seriesById.ContainsKey(r.State.SeriesId)).Select(r => new AlarmStateView(
                r.State.RuleId, r.Name, r.Severity.ToWire(), seriesById[r.State.SeriesId], r.State.Status,
                r.State.Since, r.State.Value, r.State.Evaluated, r.State.AcknowledgedBy, r.State.Acknowledged, r.State.AcknowledgeComment))
            .OrderByDescending(v => v.Status == AlarmStatus.Firing).ThenBy(v => v.RuleName).ToList();
    }

    public async Task<IReadOnlyList<AlarmHistoryEntry>> HistoryAsync(long ruleId, DateTimeOffset? since, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var from = since ?? DateTimeOffset.UnixEpoch;
        var rows = await db.AlarmHistory.AsNoTracking().Where(h => h.RuleId == ruleId && h.Timestamp >= from)
            .OrderByDescending(h => h.Timestamp).Take(take).ToListAsync(cancellationToken);
        var seriesById = (await series.ListSeriesAsync(SeriesSelector.All, cancellationToken)).ToDictionary(s => s.Id);
        return rows.Select(h => new AlarmHistoryEntry(h.Timestamp, seriesById.GetValueOrDefault(h.SeriesId), h.FromStatus, h.ToStatus, h.Value)).ToList();
    }

    public async Task<bool> AcknowledgeAsync(long ruleId, long seriesId, string who, string? comment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AlarmStates.Where(s => s.RuleId == ruleId && s.SeriesId == seriesId && s.Status == AlarmStatus.Firing)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AcknowledgedBy, who)
                .SetProperty(r => r.Acknowledged, now)
                .SetProperty(r => r.AcknowledgeComment, comment), cancellationToken) > 0;
    }

    private static AlarmState ToState(AlarmStateRow row) => new(row.Status, row.Since, row.PendingSince, row.Value, row.Evaluated);
}
