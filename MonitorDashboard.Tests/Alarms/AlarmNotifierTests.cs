using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Live;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Alarms;

public sealed class AlarmNotifierTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private AlarmNotifier CreateNotifier() =>
        new(Options.Create(new LiveOptions { PageFlushIntervalMilliseconds = 250 }), _time, NullLogger<AlarmNotifier>.Instance);

    [Fact]
    public async Task NotifyStatesChanged_BurstWithinOneInterval_OneCallAfterTheFirst()
    {
        var calls = 0;
        var notifier = CreateNotifier();
        using var sub = notifier.Subscribe(AlarmChange.States, () => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, SubscriberContext.Background);

        notifier.NotifyStatesChanged();
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref calls) == 1), TimeSpan.FromSeconds(5), "the first change is told at once");
        for (var i = 0; i < 50; i++)
        {
            notifier.NotifyStatesChanged();
        }
        Assert.Equal(1, Volatile.Read(ref calls));

        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref calls) == 2), TimeSpan.FromSeconds(5), "the burst is told once");
    }

    [Fact]
    public async Task NotifyRulesChanged_StatesSubscriber_NotTold()
    {
        var told = new ConcurrentQueue<string>();
        var notifier = CreateNotifier();
        using var states = notifier.Subscribe(AlarmChange.States, () => { told.Enqueue("states"); return Task.CompletedTask; }, SubscriberContext.Background);
        using var rules = notifier.Subscribe(AlarmChange.Rules, () => { told.Enqueue("rules"); return Task.CompletedTask; }, SubscriberContext.Background);

        notifier.NotifyRulesChanged();

        await Eventually.TrueAsync(() => Task.FromResult(told.Contains("rules")), TimeSpan.FromSeconds(5), "the rules subscriber is told");
        Assert.Equal(["rules"], told);
    }

    [Fact]
    public void Subscription_Disposed_NoLongerCounted()
    {
        var notifier = CreateNotifier();
        var sub = notifier.Subscribe(AlarmChange.Any, () => Task.CompletedTask, SubscriberContext.Background);
        Assert.Equal(1, notifier.SubscriberCount);

        sub.Dispose();

        Assert.Equal(0, notifier.SubscriberCount);
    }
}
