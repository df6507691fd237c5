using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Alarms;

/// <summary>Alarm webhooks are stored with their transitions and stay pending until sent, on both engines.</summary>
public sealed class AlarmWebhookOutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlarmRule Rule(string name) => new(0, name, new SeriesSelector { Model = "asr", Name = "latency_ms" },
        AlarmAggregation.Max, TimeSpan.FromMinutes(1), AlarmComparator.GreaterThan, 250, null, TimeSpan.Zero,
        NoDataPolicy.KeepLast, AlarmSeverity.Critical, true, null, null, "https://hooks.example/alarm");

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_FiringOfARuleThatNotifies_IsPendingUntilMarkedSent(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rule = await database.Get<AlarmRuleStore>().CreateAsync(Rule("notifies"), "lead", Ct);
        var seriesId = await database.AddSeriesAsync();
        var outbox = database.Get<AlarmWebhookOutbox>();
        var at = database.Time.GetUtcNow();

        Assert.True(await database.Get<AlarmStateStore>().SaveCycleAsync([Outcome(rule.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Firing, at, notifies: true)], Ct));
        var pending = Assert.Single(await outbox.ListPendingAsync(10, Ct));
        await outbox.MarkSentAsync(pending.Id, Ct);

        Assert.Equal((rule.Id, "notifies", seriesId), (pending.Rule.Id, pending.Rule.Name, pending.SeriesId));
        Assert.Equal(new AlarmTransition(AlarmStatus.Ok, AlarmStatus.Firing, at, 300), pending.Transition);
        Assert.Empty(await outbox.ListPendingAsync(10, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_PendingStepOrAMutedRule_OwesNoWebhook(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rules = database.Get<AlarmRuleStore>();
        var (notifies, muted) = (await rules.CreateAsync(Rule("notifies"), "lead", Ct), await rules.CreateAsync(Rule("muted"), "lead", Ct));
        var seriesId = await database.AddSeriesAsync();
        var at = database.Time.GetUtcNow();

        await database.Get<AlarmStateStore>().SaveCycleAsync([
            Outcome(notifies.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Pending, at, notifies: true),
            Outcome(muted.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Firing, at, notifies: false)], Ct);

        Assert.Empty(await database.Get<AlarmWebhookOutbox>().ListPendingAsync(10, Ct));
        Assert.Single(await database.Get<AlarmStateStore>().HistoryAsync(muted.Id, null, 10, Ct)); // the transition itself is kept
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task SaveCycle_SameTransitionSavedByASecondInstance_IsStoredAndOwedOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rule = await database.Get<AlarmRuleStore>().CreateAsync(Rule("notifies"), "lead", Ct);
        var seriesId = await database.AddSeriesAsync();
        var states = database.Get<AlarmStateStore>();
        var at = database.Time.GetUtcNow();
        await states.SaveCycleAsync([Outcome(rule.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Ok, at, notifies: true)], Ct);

        // Both read Ok and saw the breach: one that lost its lease without knowing it yet saves second.
        var first = await states.SaveCycleAsync([Outcome(rule.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Firing, at.AddSeconds(1), notifies: true)], Ct);
        var second = await states.SaveCycleAsync([Outcome(rule.Id, seriesId, AlarmStatus.Ok, AlarmStatus.Firing, at.AddSeconds(2), notifies: true)], Ct);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(at.AddSeconds(1), Assert.Single(await database.Get<AlarmWebhookOutbox>().ListPendingAsync(10, Ct)).Transition.At);
        Assert.Equal(AlarmStatus.Firing, (await states.LoadAsync(Ct))[rule.Id][seriesId].Status);
    }

    /// <summary>One series' state after the cycle, and the transition to it unless it stayed where it was.</summary>
    private static AlarmRuleOutcome Outcome(long ruleId, long seriesId, AlarmStatus from, AlarmStatus to, DateTimeOffset at, bool notifies) =>
        new(ruleId, new Dictionary<long, AlarmState> { [seriesId] = new(to, at, null, 300, at) },
            from == to ? [] : [(seriesId, new AlarmTransition(from, to, at, 300))], notifies);
}
