using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Alarms;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Tests.Alarms;

public sealed class AlarmEvaluatorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private static AlarmRule Rule(double threshold = 250, double? recovery = null, int forSeconds = 30, NoDataPolicy noData = NoDataPolicy.Ok,
        AlarmComparator comparator = AlarmComparator.GreaterThan) =>
        new(1, "p95 latency", new SeriesSelector { Name = "latency_ms" }, AlarmAggregation.P95, TimeSpan.FromMinutes(1), comparator, threshold, recovery,
            TimeSpan.FromSeconds(forSeconds), noData, AlarmSeverity.Warning, true, null, null, null);

    /// <summary>Feeds values every 10 s on the fake clock and returns the status after each.</summary>
    private List<AlarmStatus> Run(AlarmRule rule, params double?[] values)
    {
        var state = AlarmState.Initial(_clock.GetUtcNow());
        var statuses = new List<AlarmStatus>();
        foreach (var value in values)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            state = AlarmEvaluator.Evaluate(rule, state, value, _clock.GetUtcNow()).State;
            statuses.Add(state.Status);
        }
        return statuses;
    }

    [Fact]
    public void Evaluate_BreachLongerThanFor_PendingThenFiringOnlyAfterTheForDuration()
    {
        var statuses = Run(Rule(forSeconds: 30), 300, 300, 300, 300, 300);

        Assert.Equal([AlarmStatus.Pending, AlarmStatus.Pending, AlarmStatus.Pending, AlarmStatus.Firing, AlarmStatus.Firing], statuses);
    }

    [Fact]
    public void Evaluate_BreachShorterThanFor_NeverFires()
    {
        var statuses = Run(Rule(forSeconds: 30), 300, 300, 100, 300, 300, 100);

        Assert.DoesNotContain(AlarmStatus.Firing, statuses);
        Assert.Equal(AlarmStatus.Ok, statuses[2]);
    }

    [Fact]
    public void Evaluate_ForZero_FiresAtOnce()
    {
        Assert.Equal([AlarmStatus.Firing], Run(Rule(forSeconds: 0), 300));
    }

    [Fact]
    public void Evaluate_ValueOscillatingAroundThresholdWithRecovery_FiresOnceAndDoesNotFlap()
    {
        var rule = Rule(threshold: 250, recovery: 200, forSeconds: 0);

        var statuses = Run(rule, 260, 245, 255, 240, 251, 249, 260);

        Assert.All(statuses, s => Assert.Equal(AlarmStatus.Firing, s));
    }

    [Fact]
    public void Evaluate_WithoutRecoveryThreshold_SameOscillationFlaps()
    {
        var statuses = Run(Rule(threshold: 250, forSeconds: 0), 260, 245, 255, 240);

        Assert.Equal([AlarmStatus.Firing, AlarmStatus.Ok, AlarmStatus.Firing, AlarmStatus.Ok], statuses);
    }

    [Fact]
    public void Evaluate_FiringValueBelowRecovery_Resolves()
    {
        var statuses = Run(Rule(threshold: 250, recovery: 200, forSeconds: 0), 300, 220, 199);

        Assert.Equal([AlarmStatus.Firing, AlarmStatus.Firing, AlarmStatus.Ok], statuses);
    }

    [Fact]
    public void Evaluate_LessThanRule_RecoveryIsAbove()
    {
        var statuses = Run(Rule(threshold: 0.3, recovery: 0.35, forSeconds: 0, comparator: AlarmComparator.LessThan), 0.2, 0.32, 0.36);

        Assert.Equal([AlarmStatus.Firing, AlarmStatus.Firing, AlarmStatus.Ok], statuses);
    }

    [Fact]
    public void Evaluate_NoDataWithOkPolicy_Resolves()
    {
        Assert.Equal([AlarmStatus.Firing, AlarmStatus.Ok], Run(Rule(forSeconds: 0, noData: NoDataPolicy.Ok), 300, null));
    }

    [Fact]
    public void Evaluate_NoDataWithAlertingPolicy_FiresAfterFor()
    {
        Assert.Equal([AlarmStatus.Pending, AlarmStatus.Pending, AlarmStatus.Firing],
            Run(Rule(forSeconds: 20, noData: NoDataPolicy.Alerting), null, null, null));
    }

    [Fact]
    public void Evaluate_NoDataWithKeepLastPolicy_KeepsFiringAndKeepsOk()
    {
        Assert.Equal([AlarmStatus.Firing, AlarmStatus.Firing, AlarmStatus.Firing], Run(Rule(forSeconds: 0, noData: NoDataPolicy.KeepLast), 300, null, null));
        Assert.Equal([AlarmStatus.Ok, AlarmStatus.Ok], Run(Rule(forSeconds: 0, noData: NoDataPolicy.KeepLast), 100, null));
    }

    [Fact]
    public void Evaluate_Transitions_CarryTheValueThatCausedThem()
    {
        var rule = Rule(forSeconds: 0);
        var start = AlarmState.Initial(_clock.GetUtcNow());

        var (firing, toFiring) = AlarmEvaluator.Evaluate(rule, start, 310, _clock.GetUtcNow());
        var (_, steady) = AlarmEvaluator.Evaluate(rule, firing, 320, _clock.GetUtcNow());
        var (_, resolved) = AlarmEvaluator.Evaluate(rule, firing, 100, _clock.GetUtcNow());

        Assert.Equal(new AlarmTransition(AlarmStatus.Ok, AlarmStatus.Firing, _clock.GetUtcNow(), 310), toFiring);
        Assert.Null(steady);
        Assert.Equal((AlarmStatus.Firing, AlarmStatus.Ok, 100.0), (resolved!.From, resolved.To, resolved.Value!.Value));
    }
}

public sealed class AlarmDurationsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    public void TryParse_ValidText_GivesTheDuration(string text, int seconds)
    {
        Assert.True(AlarmDurations.TryParse(text, out var span));
        Assert.Equal(TimeSpan.FromSeconds(seconds), span);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("soon")]
    [InlineData("-5m")]
    public void TryParse_Nonsense_Fails(string text) => Assert.False(AlarmDurations.TryParse(text, out _));

    [Fact]
    public void Format_ThenParse_RoundTripsZero()
    {
        Assert.True(AlarmDurations.TryParse(AlarmDurations.Format(TimeSpan.Zero), out var span));
        Assert.Equal(TimeSpan.Zero, span);
    }
}
