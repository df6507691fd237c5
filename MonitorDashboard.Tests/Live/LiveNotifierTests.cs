using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Configuration;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Live;

public sealed class LiveNotifierTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private LiveNotifier CreateNotifier(int capacity = 1000) =>
        new(Options.Create(new LiveOptions { ClientFlushIntervalMilliseconds = 250, PageFlushIntervalMilliseconds = 250, MaxBufferedPointsPerSubscriber = capacity }), _time, NullLogger<LiveNotifier>.Instance);

    private static LivePoint Point(double value, string model = "asr") =>
        new() { Model = model, Version = "v1", Stage = model, Kind = "software", Name = "latency_ms", Ts = DateTimeOffset.UnixEpoch, Value = value };

    [Fact]
    public async Task Publish_ManyBatchesWithinOneInterval_DeliveredAsOneCallAfterTheFirst()
    {
        var calls = new ConcurrentQueue<IReadOnlyList<LivePoint>>();
        var notifier = CreateNotifier();

        using var sub = notifier.Subscribe(SeriesSelector.All, points => { calls.Enqueue(points); return Task.CompletedTask; }, SubscriberContext.Background);
        notifier.Publish([Point(1)]);
        await Eventually.TrueAsync(() => Task.FromResult(calls.Count == 1), TimeSpan.FromSeconds(5), "the first point is delivered at once");

        for (var i = 2; i <= 100; i++)
        {
            notifier.Publish([Point(i)]);
        }
        Assert.Single(calls); // the interval has not passed on the fake clock: nothing more is delivered

        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.TrueAsync(() => Task.FromResult(calls.Count == 2), TimeSpan.FromSeconds(5), "the coalesced batch is delivered");
        Assert.Equal(Enumerable.Range(2, 99).Select(i => (double)i), calls.Last().Select(p => p.Value));
    }

    [Fact]
    public async Task Publish_UnderLoad_ExternalClientIsToldEvery50MsWhileAPageRedrawsAtMostTwiceASecond()
    {
        var notifier = new LiveNotifier(Options.Create(new LiveOptions { ClientFlushIntervalMilliseconds = 50, PageFlushIntervalMilliseconds = 500 }),
            _time, NullLogger<LiveNotifier>.Instance);
        var client = new ConcurrentQueue<IReadOnlyList<LivePoint>>();
        var page = new ConcurrentQueue<IReadOnlyList<LivePoint>>();
        using var clientSub = notifier.Subscribe(SeriesSelector.All, points => { client.Enqueue(points); return Task.CompletedTask; }, SubscriberContext.Background);
        using var pageSub = notifier.Subscribe(SeriesSelector.All, points => { page.Enqueue(points); return Task.CompletedTask; },
            SubscriberContext.ForComponent(callback => callback(), _ => Task.CompletedTask));

        notifier.Publish([Point(1)]);
        await Eventually.TrueAsync(() => Task.FromResult(client.Count == 1 && page.Count == 1), TimeSpan.FromSeconds(5), "both are told of the first point at once");
        for (var step = 1; step <= 10; step++)
        {
            notifier.Publish([Point(1 + step)]);
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Eventually.TrueAsync(() => Task.FromResult(client.Count == 1 + step), TimeSpan.FromSeconds(5), $"the client gets step {step} within 50 ms");
        }

        // 500 ms of fake time have passed: the page had one more delivery, with everything coalesced, not ten.
        await Eventually.TrueAsync(() => Task.FromResult(page.Count == 2), TimeSpan.FromSeconds(5), "the page gets the coalesced batch after 500 ms");
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (double)i), page.Last().Select(p => p.Value));
    }

    [Fact]
    public async Task Publish_FilteredSubscription_ReceivesOnlyMatchingPoints()
    {
        var received = new ConcurrentQueue<LivePoint>();
        var notifier = CreateNotifier();
        using var sub = notifier.Subscribe(new SeriesSelector { Model = "vad" }, points =>
        {
            foreach (var p in points) received.Enqueue(p);
            return Task.CompletedTask;
        }, SubscriberContext.Background);

        notifier.Publish([Point(1, "asr"), Point(2, "vad"), Point(3, "asr")]);

        await Eventually.TrueAsync(() => Task.FromResult(received.Count >= 1), TimeSpan.FromSeconds(5), "the vad point arrives");
        Assert.Equal(2, Assert.Single(received).Value);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_DropsOldestAndCountsThem()
    {
        var release = new TaskCompletionSource();
        var received = new ConcurrentQueue<LivePoint>();
        var notifier = CreateNotifier(capacity: 100);
        using var slow = notifier.Subscribe(SeriesSelector.All, async points =>
        {
            foreach (var p in points) received.Enqueue(p);
            await release.Task; // stuck, like a client on a bad network
        }, SubscriberContext.Background);

        notifier.Publish([Point(0)]);
        await Eventually.TrueAsync(() => Task.FromResult(received.Count == 1), TimeSpan.FromSeconds(5), "the slow subscriber took its first point");
        notifier.Publish(Enumerable.Range(1, 250).Select(i => Point(i)).ToList());

        Assert.Equal(150, notifier.DroppedPoints);
        release.SetResult();
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Eventually.TrueAsync(() => Task.FromResult(received.Count == 101), TimeSpan.FromSeconds(5), "the newest 100 points arrive");
        Assert.Equal(151, received.Skip(1).First().Value);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        var calls = 0;
        var notifier = CreateNotifier();
        var sub = notifier.Subscribe(SeriesSelector.All, _ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, SubscriberContext.Background);
        notifier.Publish([Point(1)]);
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref calls) == 1), TimeSpan.FromSeconds(5), "the first point arrives");

        sub.Dispose();
        notifier.Publish([Point(2)]);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, notifier.SubscriberCount);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Publish_HandlerThrows_LoggedAsError()
    {
        using var logs = new CapturingLoggerProvider();
        var notifier = new LiveNotifier(Options.Create(new LiveOptions()), _time, new LoggerFactory([logs]).CreateLogger<LiveNotifier>());
        using var sub = notifier.Subscribe(SeriesSelector.All, _ => throw new InvalidOperationException("handler broke"), SubscriberContext.Background);

        notifier.Publish([Point(1)]);

        await Eventually.TrueAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains("handler broke", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(5), "the failure is logged");
        Assert.StartsWith("Error", logs.Lines.Single(l => l.Contains("handler broke", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ComponentHandlerThrows_ReportedToTheComponent()
    {
        var reported = new TaskCompletionSource<Exception>();
        var notifier = CreateNotifier();
        var context = SubscriberContext.ForComponent(callback => callback(), ex => { reported.TrySetResult(ex); return Task.CompletedTask; });
        using var sub = notifier.Subscribe(SeriesSelector.All, _ => throw new InvalidOperationException("handler broke"), context);

        notifier.Publish([Point(1)]);

        Assert.Equal("handler broke", (await reported.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Message);
    }

    [Fact]
    public async Task Publish_ComponentSubscriber_HandlerRunsInsideItsInvokeAsync()
    {
        var insideInvoke = new AsyncLocal<bool>();
        var ranInside = new TaskCompletionSource<bool>();
        var notifier = CreateNotifier();
        var context = SubscriberContext.ForComponent(callback =>
        {
            insideInvoke.Value = true;
            return callback();
        }, _ => Task.CompletedTask);
        using var sub = notifier.Subscribe(SeriesSelector.All, _ => { ranInside.TrySetResult(insideInvoke.Value); return Task.CompletedTask; }, context);

        notifier.Publish([Point(1)]);

        Assert.True(await ranInside.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }
}
