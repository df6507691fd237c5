using MonitorDashboard.Storage;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MonitorDashboard.Live;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// From acknowledgement to screen: a SignalR client subscribed to <c>/hubs/live</c> while an open-loop load posts
/// events at a fixed rate (every 10 ms the events due, in requests of at most 1/100 of the rate). Several posters
/// share the requests, so one slow request does not stall the pacing. Each event's value is its sequence number,
/// which tells which acknowledgement a received point belongs to.
/// </summary>
public static class LiveLatencyBenchmark
{
    public const int Posters = 8;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    // Longer than any flush interval worth measuring: after it, points still missing count as lost.
    private static readonly TimeSpan QuietAfterLoad = TimeSpan.FromSeconds(3);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<LiveLatencyResult> RunAsync(AppProcess app, string settings, int eventsPerSecond, TimeSpan duration)
    {
        var eventsPerRequest = Math.Max(1, eventsPerSecond / 100);
        var capacity = (long)(eventsPerSecond * (WarmUp + duration).TotalSeconds) + eventsPerRequest;
        // Stopwatch timestamps by sequence number; 0 = not (yet) happened.
        var acknowledged = new long[capacity];
        var arrived = new long[capacity];
        long received = 0;

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, LiveHub.Route), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(app.ApiKey);
            })
            .Build();
        connection.On<LivePoint[]>(LiveHub.PointsMessage, points =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var point in points)
            {
                var sequence = (long)point.Value;
                if (sequence >= 0 && sequence < capacity && arrived[sequence] == 0)
                {
                    arrived[sequence] = now;
                    Interlocked.Increment(ref received);
                }
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync(nameof(LiveHub.Subscribe), new SeriesSelector { Model = "bench" });

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Posters, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = app.CreateClient(handler);
        var requests = Channel.CreateUnbounded<(long First, int Count)>(new() { SingleWriter = true });
        var posters = Enumerable.Range(0, Posters).Select(_ => Task.Run(() => PostAllAsync(http, requests.Reader, acknowledged))).ToArray();

        // The first second (JIT, connections, the series' first inserts) is sent but not counted.
        var started = Stopwatch.GetTimestamp();
        long due = 0, firstMeasured = -1, measureStarted = 0;
        using (var timer = new PeriodicTimer(Tick))
        {
            while (await timer.WaitForNextTickAsync())
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (firstMeasured < 0 && elapsed >= WarmUp)
                {
                    (firstMeasured, measureStarted) = (due, Stopwatch.GetTimestamp());
                }
                if (elapsed >= WarmUp + duration)
                {
                    break;
                }
                // Due by the clock, not by ticks: a late tick sends what the missed ones would have.
                for (var target = Math.Min(capacity, (long)(elapsed.TotalSeconds * eventsPerSecond)); due < target;)
                {
                    var count = (int)Math.Min(eventsPerRequest, target - due);
                    requests.Writer.TryWrite((due, count));
                    due += count;
                }
            }
        }
        var loadElapsed = Stopwatch.GetElapsedTime(measureStarted);
        requests.Writer.Complete();
        var postLatencies = (await Task.WhenAll(posters)).SelectMany(l => l).ToList();
        var acknowledgedInAll = acknowledged.Count(t => t != 0);
        await WaitForDeliveriesAsync(() => Interlocked.Read(ref received), acknowledgedInAll);
        var peakResidentBytes = app.PeakResidentBytes();

        var latencies = new List<double>();
        long acknowledgedCount = 0, refused = 0;
        for (var sequence = firstMeasured; sequence < due; sequence++)
        {
            if (acknowledged[sequence] == 0)
            {
                refused++;
                continue;
            }
            acknowledgedCount++;
            if (arrived[sequence] != 0)
            {
                // Can be slightly negative: the point may overtake the 202 on its way to this process.
                latencies.Add(Stopwatch.GetElapsedTime(acknowledged[sequence], arrived[sequence]).TotalMilliseconds);
            }
        }
        latencies.Sort();
        postLatencies.Sort();
        return new LiveLatencyResult(settings, eventsPerSecond, acknowledgedCount, refused, latencies.Count, loadElapsed,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95), Percentiles.Of(latencies, 0.99),
            latencies.Count == 0 ? double.NaN : latencies[^1],
            Percentiles.Of(postLatencies, 0.50), Percentiles.Of(postLatencies, 0.99), peakResidentBytes);
    }

    /// <summary>One poster: takes the next due request, posts it, and stamps its events with the moment the 202 arrived.</summary>
    private static async Task<List<double>> PostAllAsync(HttpClient http, ChannelReader<(long First, int Count)> requests, long[] acknowledged)
    {
        var latencies = new List<double>();
        await foreach (var (first, count) in requests.ReadAllAsync())
        {
            using var content = new ByteArrayContent(EventBodyWriter.Write(count, first, "live", DateTimeOffset.UtcNow, sequenceAsValue: true));
            content.Headers.ContentType = Json;
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/api/v1/events", content);
            var now = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Array.Fill(acknowledged, now, (int)first, count);
                latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
            }
            else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                // 503 (queue full) leaves the events unacknowledged: an open-loop load does not retry, it counts them.
                throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        return latencies;
    }

    /// <summary>Until every acknowledged event arrived, or nothing more arrives for <see cref="QuietAfterLoad"/>.</summary>
    private static async Task WaitForDeliveriesAsync(Func<long> received, long expected)
    {
        var last = received();
        var lastChange = Stopwatch.GetTimestamp();
        while (last < expected && Stopwatch.GetElapsedTime(lastChange) < QuietAfterLoad)
        {
            await Task.Delay(50);
            if (received() != last)
            {
                (last, lastChange) = (received(), Stopwatch.GetTimestamp());
            }
        }
    }
}
