using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Concurrent clients posting batches to <c>POST /api/v1/events</c> of a real app process, each waiting for its 202
/// (that is, for the group commit) before it sends the next batch: closed-loop load, as instrumented services send.
/// </summary>
public static class HttpIngestBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <param name="prefillIds">Events with random ids stored before the warm-up, so de-duplication works against a full id history.</param>
    public static async Task<HttpResult> RunAsync(AppProcess app, int batchSize, int clients, bool withIds, TimeSpan warmUp, TimeSpan duration,
        EventIdShape shape = EventIdShape.InOrder, long prefillIds = 0)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = app.CreateClient(handler);
        http.Timeout = TimeSpan.FromMinutes(1);
        var sequences = new long[clients];

        // JIT, connection set-up and the first series inserts stay out of the figures.
        if (prefillIds > 0)
        {
            await PrefillAsync(http, clients, prefillIds);
        }
        await RunPhaseAsync(http, batchSize, withIds, warmUp, sequences, shape);

        var before = await http.GetFromJsonAsync<IngestStats>("/api/v1/ingest/stats");
        var appCpuBefore = app.TotalProcessorTime();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        using var stopSampling = new CancellationTokenSource();
        var sampling = SampleWriterAsync(http, stopSampling.Token);
        var phase = await RunPhaseAsync(http, batchSize, withIds, duration, sequences, shape);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stopSampling.CancelAsync();
        var samples = await sampling;
        var appCpu = app.TotalProcessorTime() - appCpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var after = await http.GetFromJsonAsync<IngestStats>("/api/v1/ingest/stats");

        var latencies = phase.Latencies;
        latencies.Sort();
        return new HttpResult(
            batchSize, clients, withIds,
            Events: phase.Events,
            Requests: latencies.Count,
            Rejected: phase.Rejected,
            Elapsed: elapsed,
            P50Milliseconds: Percentiles.Of(latencies, 0.50),
            P99Milliseconds: Percentiles.Of(latencies, 0.99),
            Commits: after!.Commits - before!.Commits,
            MeanQueuedEvents: samples.Count == 0 ? 0 : samples.Average(x => x.QueuedEvents),
            MeanCommitMilliseconds: samples.Count == 0 ? 0 : samples.Average(x => x.LastCommitMilliseconds),
            // The queue counter drops only after a commit, so "events queued" covers the batch being committed too.
            WriterBusyShare: samples.Count == 0 ? 0 : samples.Count(x => x.QueuedEvents > 0) / (double)samples.Count,
            AppCpuShare: appCpu / elapsed,
            ClientCpuShare: clientCpu / elapsed,
            PeakResidentBytes: app.PeakResidentBytes(),
            StoredEvents: after.Accepted,
            IdShape: shape,
            PrefilledIds: prefillIds);
    }

    /// <summary>
    /// The writer's own view, every 50 ms: events waiting in its queue or being committed, and the duration of its latest commit.
    /// A queue that is never empty means the single writer is the bottleneck; an empty one means requests cannot feed it fast enough.
    /// </summary>
    private static async Task<List<IngestStats>> SampleWriterAsync(HttpClient http, CancellationToken stop)
    {
        var samples = new List<IngestStats>();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), stop);
                samples.Add((await http.GetFromJsonAsync<IngestStats>("/api/v1/ingest/stats", stop))!);
            }
        }
        catch (OperationCanceledException)
        {
            return samples;
        }
    }

    private static Task<(long Events, long Rejected, List<double> Latencies)> RunPhaseAsync(
        HttpClient http, int batchSize, bool withIds, TimeSpan duration, long[] sequences, EventIdShape shape) =>
        ClosedLoopLoad.RunAsync(http, "/api/v1/events", batchSize, duration, sequences, (client, first) =>
        {
            var content = new ByteArrayContent(EventBodyWriter.Write(batchSize, first, withIds ? $"c{client}" : null, DateTimeOffset.UtcNow, shape: shape));
            content.Headers.ContentType = Json;
            return content;
        }, HttpStatusCode.Accepted);

    /// <summary>Stores <paramref name="count"/> events with random ids in batches of 1,000, as fast as the app takes them.</summary>
    private static async Task PrefillAsync(HttpClient http, int clients, long count)
    {
        const int Batch = 1000;
        long next = 0;
        using (new ProgressTicker("id prefill", TimeSpan.FromSeconds(10)))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Add(ref next, Batch) <= count)
                {
                    using var content = new ByteArrayContent(EventBodyWriter.Write(Batch, 0, "prefill", DateTimeOffset.UtcNow, shape: EventIdShape.RandomUuid));
                    content.Headers.ContentType = Json;
                    using var response = await http.PostAsync("/api/v1/events", content);
                    response.EnsureSuccessStatusCode();
                }
            })));
        }
    }
}
