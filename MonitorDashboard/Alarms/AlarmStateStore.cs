using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

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
    /// Stores a whole cycle's states and transitions in one transaction (one fsync per cycle, not per rule).
    /// A new firing clears an old acknowledgement.
    /// </summary>
    public async Task SaveCycleAsync(IReadOnlyList<AlarmRuleOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.AlarmStates.ToDictionaryAsync(s => (s.RuleId, s.SeriesId), cancellationToken);
        foreach (var outcome in outcomes)
        {
            Apply(db, existing, outcome);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Apply(MonitorDbContext db, Dictionary<(long, long), AlarmStateRow> existing, AlarmRuleOutcome outcome)
    {
        var (ruleId, states, transitions) = (outcome.RuleId, outcome.States, outcome.Transitions);
        foreach (var (seriesId, state) in states)
        {
            if (!existing.TryGetValue((ruleId, seriesId), out var row))
            {
                row = new AlarmStateRow { RuleId = ruleId, SeriesId = seriesId, Status = "" };
                db.AlarmStates.Add(row);
            }
            if (row.Status != AlarmStatus.Firing.ToString() && state.Status == AlarmStatus.Firing)
            {
                (row.AcknowledgedBy, row.AcknowledgedMs, row.AcknowledgeComment) = (null, null, null);
            }
            row.Status = state.Status.ToString();
            row.SinceMs = state.Since.ToUnixTimeMilliseconds();
            row.PendingSinceMs = state.PendingSince?.ToUnixTimeMilliseconds();
            row.Value = state.Value;
            row.EvaluatedMs = state.EvaluatedAt.ToUnixTimeMilliseconds();
        }
        foreach (var (seriesId, transition) in transitions)
        {
            db.AlarmHistory.Add(new AlarmHistoryRow
            {
                RuleId = ruleId,
                SeriesId = seriesId,
                TimestampMs = transition.At.ToUnixTimeMilliseconds(),
                FromStatus = transition.From.ToString(),
                ToStatus = transition.To.ToString(),
                Value = transition.Value,
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
                r.State.RuleId, r.Name, r.Severity.ToLowerInvariant(), seriesById[r.State.SeriesId], Enum.Parse<AlarmStatus>(r.State.Status),
                DateTimeOffset.FromUnixTimeMilliseconds(r.State.SinceMs), r.State.Value, DateTimeOffset.FromUnixTimeMilliseconds(r.State.EvaluatedMs),
                r.State.AcknowledgedBy, r.State.AcknowledgedMs is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null, r.State.AcknowledgeComment))
            .OrderByDescending(v => v.Status == AlarmStatus.Firing).ThenBy(v => v.RuleName).ToList();
    }

    public async Task<IReadOnlyList<AlarmHistoryEntry>> HistoryAsync(long ruleId, DateTimeOffset? since, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sinceMs = since?.ToUnixTimeMilliseconds() ?? 0;
        var rows = await db.AlarmHistory.AsNoTracking().Where(h => h.RuleId == ruleId && h.TimestampMs >= sinceMs)
            .OrderByDescending(h => h.TimestampMs).Take(take).ToListAsync(cancellationToken);
        var seriesById = (await series.ListSeriesAsync(SeriesSelector.All, cancellationToken)).ToDictionary(s => s.Id);
        return rows.Select(h => new AlarmHistoryEntry(DateTimeOffset.FromUnixTimeMilliseconds(h.TimestampMs), seriesById.GetValueOrDefault(h.SeriesId),
            Enum.Parse<AlarmStatus>(h.FromStatus), Enum.Parse<AlarmStatus>(h.ToStatus), h.Value)).ToList();
    }

    public async Task<bool> AcknowledgeAsync(long ruleId, long seriesId, string who, string? comment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var firing = AlarmStatus.Firing.ToString();
        return await db.AlarmStates.Where(s => s.RuleId == ruleId && s.SeriesId == seriesId && s.Status == firing)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AcknowledgedBy, who)
                .SetProperty(r => r.AcknowledgedMs, now.ToUnixTimeMilliseconds())
                .SetProperty(r => r.AcknowledgeComment, comment), cancellationToken) > 0;
    }

    private static AlarmState ToState(AlarmStateRow row) => new(
        Enum.Parse<AlarmStatus>(row.Status), DateTimeOffset.FromUnixTimeMilliseconds(row.SinceMs),
        row.PendingSinceMs is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(p) : null, row.Value, DateTimeOffset.FromUnixTimeMilliseconds(row.EvaluatedMs));
}
