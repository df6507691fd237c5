using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Storage.Deployments;

/// <summary>
/// Deployments and their steps. Every change is one transaction with its event row and its audit entry; a step that does
/// not fit the deployment's status is refused, so the history only holds what really happened.
/// </summary>
public sealed class DeploymentStore(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time)
{
    /// <summary>Newest deployments returned by <see cref="ListAsync"/>: enough for any page, bounded for the API.</summary>
    public const int MaxListed = 1000;

    private static readonly string ActiveWire = DeploymentStatus.Active.ToWire();
    private static readonly string PromotedWire = DeploymentStatus.Promoted.ToWire();
    private static readonly string RolledBackWire = DeploymentStatus.RolledBack.ToWire();
    private static readonly string FullWire = DeploymentStrategy.Full.ToWire();

    /// <summary>Stores a valid request (see <see cref="DeploymentValidator"/>) with its start event (at <paramref name="at"/>: now, or recorded history).</summary>
    public async Task<Deployment> CreateAsync(DeploymentRequest request, string actor, CancellationToken ct, DateTimeOffset? at = null)
    {
        var errors = DeploymentValidator.Validate(request);
        if (errors.Count > 0 || !DeploymentWire.TryParseStrategy(request.Strategy, out var strategy))
        {
            throw new ArgumentException($"The deployment is invalid: {string.Join(", ", errors.Keys)}", nameof(request));
        }
        var now = (at ?? time.GetUtcNow()).ToUnixTimeMilliseconds();
        var row = new DeploymentRow
        {
            Model = request.Model!,
            Stage = request.Stage ?? request.Model!,
            Version = request.Version!,
            BaselineVersion = request.BaselineVersion,
            Strategy = strategy.ToWire(),
            TrafficPercent = request.TrafficPercent ?? DeploymentValidator.DefaultTrafficPercent(strategy),
            Status = ActiveWire,
            StartedMs = now,
            StartedBy = actor,
            WindowStartMs = now,
            Note = request.Note,
            Revision = 1,
        };
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Deployments.Add(row);
        await db.SaveChangesAsync(ct);
        var start = AddEvent(db, row, DeploymentAction.Start, row.TrafficPercent, actor, now, request.Note);
        audit.Add(db, actor, "deployment.start", row.Target(), null, $"{row.Strategy} from {row.BaselineVersion ?? "(production)"}; {row.Describe()}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return row.ToDeployment([start]);
    }

    /// <summary>Newest first (at most <see cref="MaxListed"/>), each with its steps.</summary>
    public async Task<IReadOnlyList<Deployment>> ListAsync(string? model, bool? active, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Deployments.AsNoTracking();
        if (model is not null)
        {
            query = query.Where(d => d.Model == model);
        }
        if (active is { } isActive)
        {
            query = isActive ? query.Where(d => d.Status == ActiveWire) : query.Where(d => d.Status != ActiveWire);
        }
        var rows = await query.OrderByDescending(d => d.StartedMs).ThenByDescending(d => d.Id).Take(MaxListed).ToListAsync(ct);
        return await WithEventsAsync(db, rows, ct);
    }

    public async Task<Deployment?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return row is null ? null : (await WithEventsAsync(db, [row], ct))[0];
    }

    /// <summary>A traffic step, promote, rollback or finish; refused (naming the field) when it does not fit the deployment.</summary>
    public async Task<DeploymentChange> ApplyAsync(
        long id, DeploymentAction action, int? trafficPercent, string? note, string actor, CancellationToken ct, DateTimeOffset? at = null)
    {
        if (DeploymentValidator.NoteProblem(note) is { } noteProblem)
        {
            return DeploymentChange.Invalid("note", noteProblem);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Deployments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return DeploymentChange.Missing;
        }
        if (Refusal(row, action, trafficPercent) is { } refused)
        {
            return refused;
        }
        var before = row.Describe();
        var now = (at ?? time.GetUtcNow()).ToUnixTimeMilliseconds();
        switch (action)
        {
            case DeploymentAction.Traffic:
                row.TrafficPercent = trafficPercent!.Value;
                row.WindowStartMs = now;
                break;
            case DeploymentAction.Promote:
                (row.Status, row.TrafficPercent, row.PromotedMs) = (PromotedWire, 100, now);
                break;
            case DeploymentAction.Rollback:
                (row.Status, row.TrafficPercent, row.EndedMs) = (RolledBackWire, 0, now);
                break;
            default:
                (row.Status, row.EndedMs) = (DeploymentStatus.Finished.ToWire(), now);
                break;
        }
        row.Revision++;
        AddEvent(db, row, action, action == DeploymentAction.Finish ? null : row.TrafficPercent, actor, now, note);
        audit.Add(db, actor, $"deployment.{action.ToWire()}", row.Target(), before, row.Describe() + (note is null ? "" : $"; {note}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeploymentChange.Invalid("status", "the deployment was changed by someone else at the same moment; reload it and retry");
        }
        return DeploymentChange.Done((await GetAsync(id, ct))!);
    }

    /// <summary>The steps of a model's deployments (all stages when <paramref name="stage"/> is null) within [from, to], for chart markers.</summary>
    public async Task<IReadOnlyList<(Deployment Deployment, DeploymentEvent Event)>> EventsInRangeAsync(
        string model, string? stage, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        await using var db = await factory.CreateDbContextAsync(ct);
        var deployments = db.Deployments.AsNoTracking().Where(d => d.Model == model && d.StartedMs <= toMs);
        if (stage is not null)
        {
            deployments = deployments.Where(d => d.Stage == stage);
        }
        var ids = deployments.Select(d => d.Id);
        var inRange = await db.DeploymentEvents.AsNoTracking()
            .Where(e => ids.Contains(e.DeploymentId) && e.AtMs >= fromMs && e.AtMs <= toMs)
            .Select(e => e.DeploymentId).Distinct().ToListAsync(ct);
        var rows = await db.Deployments.AsNoTracking().Where(d => inRange.Contains(d.Id)).ToListAsync(ct);
        var withEvents = await WithEventsAsync(db, rows, ct);
        return withEvents
            .SelectMany(d => d.Events.Where(e => e.At >= from && e.At <= to).Select(e => (d, e)))
            .OrderBy(p => p.e.At).ThenBy(p => p.e.Id).ToList();
    }

    /// <summary>
    /// The version serving production on a stage: the newest promoted (or full and not rolled back) deployment's version,
    /// else the baseline named by the newest deployment, else null.
    /// </summary>
    public async Task<string?> ProductionVersionAsync(string model, string stage, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ofStage = db.Deployments.AsNoTracking().Where(d => d.Model == model && d.Stage == stage);
        var production = await ofStage
            .Where(d => d.PromotedMs != null || (d.Strategy == FullWire && d.Status != RolledBackWire))
            .OrderByDescending(d => d.PromotedMs ?? d.StartedMs).ThenByDescending(d => d.Id)
            .Select(d => d.Version).FirstOrDefaultAsync(ct);
        return production ?? await ofStage.Where(d => d.BaselineVersion != null)
            .OrderByDescending(d => d.StartedMs).ThenByDescending(d => d.Id)
            .Select(d => d.BaselineVersion).FirstOrDefaultAsync(ct);
    }

    /// <summary>The outcome of the newest webhook call: an error is kept (and shown) until a later call succeeds.</summary>
    public async Task RecordWebhookResultAsync(long id, string? error, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = error is { Length: > 2000 } ? error[..2000] : error;
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LastWebhookError, stored)
            .SetProperty(d => d.LastWebhookErrorMs, stored == null ? null : now), ct);
    }

    private static DeploymentChange? Refusal(DeploymentRow row, DeploymentAction action, int? trafficPercent)
    {
        var status = row.Status;
        return action switch
        {
            DeploymentAction.Start => DeploymentChange.Invalid("action", "a deployment is started by creating it"),
            DeploymentAction.Traffic when trafficPercent is null => DeploymentChange.Invalid("trafficPercent", "is required"),
            DeploymentAction.Traffic when !DeploymentValidator.IsTraffic(trafficPercent.Value) => DeploymentChange.Invalid("trafficPercent", DeploymentValidator.TrafficRule),
            DeploymentAction.Traffic or DeploymentAction.Promote or DeploymentAction.Rollback when status != ActiveWire =>
                DeploymentChange.Invalid("status", $"the deployment is {status}; only an active deployment can {action.ToWire()}"),
            DeploymentAction.Finish when status != ActiveWire && status != PromotedWire =>
                DeploymentChange.Invalid("status", $"the deployment is already {status}"),
            _ => null,
        };
    }

    private static DeploymentEventRow AddEvent(MonitorDbContext db, DeploymentRow row, DeploymentAction action, int? traffic, string actor, long atMs, string? note)
    {
        var step = new DeploymentEventRow { DeploymentId = row.Id, Action = action.ToWire(), TrafficPercent = traffic, By = actor, AtMs = atMs, Note = note };
        db.DeploymentEvents.Add(step);
        return step;
    }

    private static async Task<IReadOnlyList<Deployment>> WithEventsAsync(MonitorDbContext db, List<DeploymentRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var events = (await db.DeploymentEvents.AsNoTracking().Where(e => ids.Contains(e.DeploymentId)).ToListAsync(ct)).ToLookup(e => e.DeploymentId);
        return rows.Select(r => r.ToDeployment(events[r.Id])).ToList();
    }
}
