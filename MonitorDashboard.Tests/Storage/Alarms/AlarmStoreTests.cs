using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Alarms;

/// <summary>Alarm rules (with their optimistic concurrency), alarm states and the webhooks they owe, on both engines.</summary>
public sealed class AlarmStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlarmRule Rule(string name = "latency high") => new(0, name, new SeriesSelector { Model = "asr", Name = "latency_ms" },
        AlarmAggregation.P95, TimeSpan.FromMinutes(5), AlarmComparator.GreaterThan, 250, 200, TimeSpan.FromMinutes(1),
        NoDataPolicy.KeepLast, AlarmSeverity.Critical, true, new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), "upgrade", null);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Create_Rule_ReadsBackEnumsAndTimesUnchanged(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rules = database.Get<AlarmRuleStore>();

        var created = await rules.CreateAsync(Rule(), "lead", Ct);

        Assert.Equal(created, await rules.GetAsync(created.Id, Ct));
        Assert.Equal(Rule() with { Id = created.Id, ConcurrencyVersion = 1 }, created);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Update_BasedOnAnOlderVersion_ConflictsAndKeepsTheFirstSave(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rules = database.Get<AlarmRuleStore>();
        var seen = await rules.CreateAsync(Rule(), "lead", Ct);

        var first = await rules.UpdateAsync(seen with { Threshold = 300 }, "alice", Ct);
        var second = await rules.UpdateAsync(seen with { Threshold = 400 }, "bob", Ct);

        Assert.Equal(2, first.Rule!.ConcurrencyVersion);
        Assert.Null(second.Rule);
        Assert.Equal(300, second.Conflict!.Threshold);
        Assert.Equal(300, (await rules.GetAsync(seen.Id, Ct))!.Threshold);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Update_ConcurrentSavesOfOneVersion_ExactlyOneWins(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rules = database.Get<AlarmRuleStore>();
        var seen = await rules.CreateAsync(Rule(), "lead", Ct);

        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => rules.UpdateAsync(seen with { Threshold = 300 + i }, $"lead{i}", Ct)));

        var winner = Assert.Single(saves, s => s.Rule is not null);
        Assert.Equal(winner.Rule!.Threshold, (await rules.GetAsync(seen.Id, Ct))!.Threshold);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_FiringState_LoadsBackAndCanBeAcknowledgedUntilItFiresAnew(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rule = await database.Get<AlarmRuleStore>().CreateAsync(Rule(), "lead", Ct);
        var seriesId = await database.AddSeriesAsync();
        var states = database.Get<AlarmStateStore>();
        var at = database.Time.GetUtcNow();
        var firing = new AlarmState(AlarmStatus.Firing, at, at.AddMinutes(-1), 321.5, at);

        await states.SaveCycleAsync([Outcome(rule.Id, seriesId, firing, AlarmStatus.Pending)], Ct);
        var acknowledged = await states.AcknowledgeAsync(rule.Id, seriesId, "alice", "looking", at, Ct);
        await states.SaveCycleAsync([Outcome(rule.Id, seriesId, firing with { Status = AlarmStatus.Ok }, AlarmStatus.Firing)], Ct);
        var acknowledgedWhileOk = await states.AcknowledgeAsync(rule.Id, seriesId, "bob", null, at, Ct);

        Assert.True(acknowledged);
        Assert.False(acknowledgedWhileOk);
        Assert.Equal(firing with { Status = AlarmStatus.Ok }, (await states.LoadAsync(Ct))[rule.Id][seriesId]);
        var history = await states.HistoryAsync(rule.Id, null, 10, Ct);
        Assert.Equal([AlarmStatus.Ok, AlarmStatus.Firing], history.Select(h => h.To).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_FiringOfARuleThatNotifies_OwesAWebhookUntilMarkedSent(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rule = await database.Get<AlarmRuleStore>().CreateAsync(Rule(), "lead", Ct);
        var seriesId = await database.AddSeriesAsync();
        var outbox = database.Get<AlarmWebhookOutbox>();
        var firing = Firing(database.Time.GetUtcNow());

        Assert.True(await database.Get<AlarmStateStore>().SaveCycleAsync([Outcome(rule.Id, seriesId, firing, AlarmStatus.Ok, notifies: true)], Ct));
        var pending = Assert.Single(await outbox.ListPendingAsync(10, Ct));
        await outbox.MarkSentAsync(pending.Id, Ct);

        Assert.Equal((rule, seriesId), (pending.Rule, pending.SeriesId));
        Assert.Equal(new AlarmTransition(AlarmStatus.Ok, AlarmStatus.Firing, firing.Since, firing.Value), pending.Transition);
        Assert.Empty(await outbox.ListPendingAsync(10, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_PendingStepOrAnOutcomeThatDoesNotNotify_OwesNoWebhookButKeepsTheTransition(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rules = database.Get<AlarmRuleStore>();
        var (notifies, muted) = (await rules.CreateAsync(Rule("notifies"), "lead", Ct), await rules.CreateAsync(Rule("muted"), "lead", Ct));
        var seriesId = await database.AddSeriesAsync();
        var firing = Firing(database.Time.GetUtcNow());

        await database.Get<AlarmStateStore>().SaveCycleAsync([
            Outcome(notifies.Id, seriesId, firing with { Status = AlarmStatus.Pending }, AlarmStatus.Ok, notifies: true),
            Outcome(muted.Id, seriesId, firing, AlarmStatus.Ok, notifies: false)], Ct);

        Assert.Empty(await database.Get<AlarmWebhookOutbox>().ListPendingAsync(10, Ct));
        Assert.Single(await database.Get<AlarmStateStore>().HistoryAsync(muted.Id, null, 10, Ct)); // the transition itself is kept
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_SameTransitionSavedByASecondInstance_IsStoredAndOwedOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rule = await database.Get<AlarmRuleStore>().CreateAsync(Rule(), "lead", Ct);
        var seriesId = await database.AddSeriesAsync();
        var states = database.Get<AlarmStateStore>();
        var at = database.Time.GetUtcNow();
        await states.SaveCycleAsync([Outcome(rule.Id, seriesId, AlarmState.Initial(at), AlarmStatus.Ok, notifies: true)], Ct);

        // Both read Ok and saw the breach; the one that lost its lease without knowing it yet saves second.
        var first = await states.SaveCycleAsync([Outcome(rule.Id, seriesId, Firing(at.AddSeconds(1)), AlarmStatus.Ok, notifies: true)], Ct);
        var second = await states.SaveCycleAsync([Outcome(rule.Id, seriesId, Firing(at.AddSeconds(2)), AlarmStatus.Ok, notifies: true)], Ct);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(at.AddSeconds(1), Assert.Single(await database.Get<AlarmWebhookOutbox>().ListPendingAsync(10, Ct)).Transition.At);
        Assert.Equal(Firing(at.AddSeconds(1)), (await states.LoadAsync(Ct))[rule.Id][seriesId]);
    }

    private static AlarmState Firing(DateTimeOffset at) => new(AlarmStatus.Firing, at, at, 321.5, at);

    /// <summary>One series' state after a cycle, with the transition from <paramref name="from"/> unless it stayed there.</summary>
    private static AlarmRuleOutcome Outcome(long ruleId, long seriesId, AlarmState state, AlarmStatus from, bool notifies = false) =>
        new(ruleId, new Dictionary<long, AlarmState> { [seriesId] = state },
            from == state.Status ? [] : [(seriesId, new AlarmTransition(from, state.Status, state.Since, state.Value))], notifies);
}
