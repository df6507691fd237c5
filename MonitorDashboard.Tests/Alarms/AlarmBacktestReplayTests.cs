using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Alarms;

/// <summary>The backtest against the live evaluator's own loop (reader + <see cref="AlarmCycle"/>), on the same stored data.</summary>
public sealed class AlarmBacktestReplayTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private readonly FakeClockFactory _app = new();
    private HttpClient _client = null!;

    /// <summary>Epoch-aligned to 2 minutes, so the old backtest's buckets start at T0 + 2k minutes.</summary>
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(
        DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() / 120_000 * 120_000);

    private sealed class FakeClockFactory : MonitorDashboardFactory
    {
        public FakeTimeProvider Clock { get; } = new(T0);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public ValueTask InitializeAsync()
    {
        _app.Settings["Alarms:EvaluationSeconds"] = "10";
        // The data lies up to 15 minutes ahead of the fake clock's start; the live loop then walks the clock through it.
        _app.Settings["Ingest:MaxFutureSkewSeconds"] = "3600";
        _app.Settings["Auth:IngestEventsPerSecond"] = "10000000";
        _app.Settings["Auth:IngestEventBurst"] = "10000000";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static AlarmRule Rule(string aggregation, string window, double threshold, string forDuration) =>
        AlarmRuleValidator.Validate(new AlarmRuleRequest
        {
            Name = "spike", Model = "asr", Metric = "latency_ms", Aggregation = aggregation, Window = window,
            Comparator = ">", Threshold = threshold, For = forDuration, NoData = "ok",
        }, 1, out _)!;

    /// <summary>One point every 5 s for 15 minutes: 1, except 10 during [T0 + 5m15s, T0 + 6m45s), 90 s across the 6-minute bucket edge.</summary>
    private async Task PostSpikeAsync(string version)
    {
        var events = new List<object>();
        for (var s = 0; s < 15 * 60; s += 5)
        {
            var inSpike = s >= 315 && s < 405;
            events.Add(EventJson.Event(value: inSpike ? 10 : 1, version: version,
                ts: T0.AddSeconds(s).ToString("O", CultureInfo.InvariantCulture)));
        }
        (await _client.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
    }

    /// <summary>What the live evaluator does every cycle, stepped on the fake clock: read the window ending now, evaluate.</summary>
    private async Task<List<BacktestPeriod>> LiveFiringPeriodsAsync(AlarmRule rule, DateTimeOffset end)
    {
        var reader = _app.Services.GetRequiredService<AlarmValueReader>();
        IReadOnlyDictionary<long, AlarmState> states = new Dictionary<long, AlarmState>();
        var open = new Dictionary<long, DateTimeOffset>();
        var periods = new List<BacktestPeriod>();
        var labels = new Dictionary<long, string>();
        for (var now = T0; now <= end; now += Step)
        {
            _app.Clock.SetUtcNow(now);
            var (next, transitions) = AlarmCycle.Evaluate(rule, await reader.ReadAsync(rule, now, TestContext.Current.CancellationToken), states, now);
            states = next;
            foreach (var (seriesId, transition) in transitions)
            {
                if (transition.To == AlarmStatus.Firing)
                {
                    open[seriesId] = now;
                }
                else if (transition.From == AlarmStatus.Firing && open.Remove(seriesId, out var since))
                {
                    periods.Add(new BacktestPeriod("", since, now));
                }
            }
        }
        periods.AddRange(open.Values.Select(since => new BacktestPeriod("", since, null)));
        return periods.OrderBy(p => p.From).ToList();
    }

    [Theory]
    [InlineData("avg", "2m", 5.0, "1m")]
    [InlineData("max", "30s", 5.0, "0s")]
    [InlineData("p95", "1m", 5.0, "20s")]
    public async Task Backtest_SameStoredData_GivesTheLiveEvaluatorsFiringPeriods(string aggregation, string window, double threshold, string forDuration)
    {
        await PostSpikeAsync("v1");
        await PostSpikeAsync("v2");
        var rule = Rule(aggregation, window, threshold, forDuration);
        var end = T0.AddMinutes(15);

        var live = await LiveFiringPeriodsAsync(rule, end);
        var backtest = await _app.Services.GetRequiredService<AlarmBacktester>().RunAsync(rule, end, TestContext.Current.CancellationToken);

        Assert.NotEmpty(live);
        Assert.Equal(live.Select(p => (p.From, p.To)), backtest.Periods.Select(p => (p.From, p.To)));
        Assert.Equal(live.Count, backtest.Firings);
    }

    [Fact]
    public async Task Backtest_SpikeStraddlingTwoBuckets_FiresAsLiveDoes()
    {
        await PostSpikeAsync("v1");
        var end = T0.AddMinutes(15);
        _app.Clock.SetUtcNow(end);

        var backtest = await _app.Services.GetRequiredService<AlarmBacktester>().RunAsync(Rule("avg", "2m", 5, "1m"), end, TestContext.Current.CancellationToken);

        // Each 2-minute bucket holds 45 s of the spike (avg 4.4), but the sliding window holds up to 90 s of it (avg 7.75).
        Assert.Equal(1, backtest.Firings);
    }

    [Fact]
    public async Task Backtest_24HoursOfOnePointPerSecondOnThreeSeries_TakesUnderTwoSeconds()
    {
        var end = T0;
        var events = new List<object>();
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            for (var s = 1; s <= 24 * 3600; s++)
            {
                events.Add(EventJson.Event(value: s % 600 < 90 ? 10 : 1, version: version, ts: end.AddSeconds(-s).ToString("O", CultureInfo.InvariantCulture)));
                if (events.Count == 10_000)
                {
                    (await _client.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
                    events.Clear();
                }
            }
        }
        (await _client.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
        var backtester = _app.Services.GetRequiredService<AlarmBacktester>();

        var clock = Stopwatch.StartNew();
        var result = await backtester.RunAsync(Rule("avg", "2m", 5, "1m"), end, TestContext.Current.CancellationToken);
        clock.Stop();

        Assert.Equal(3, result.SeriesCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"24 h replay took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
