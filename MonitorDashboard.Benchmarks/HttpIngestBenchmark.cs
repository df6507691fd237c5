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

    public static async Task<HttpResult> RunAsync(AppProcess app, int batchSize, int clients, bool withIds, TimeSpan warmUp, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = app.CreateClient(handler);
        http.Timeout = TimeSpan.FromMinutes(1);
        var sequences = new long[clients];

        // JIT, connection set-up and the first series inserts stay out of the figures.
        await RunPhaseAsync(http, batchSize, withIds, warmUp, sequences);

        var before = await http.GetFromJsonAsync<IngestStats>("/api/v1/ingest/stats");
        var appCpuBefore = app.TotalProcessorTime();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        using var stopSampling = new CancellationTokenSource();
        var sampling = SampleWriterAsync(http, stopSampling.Token);
        var phase = await RunPhaseAsync(http, batchSize, withIds, duration, sequences);
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
            StoredEvents: after.Accepted);
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
        HttpClient http, int batchSize, bool withIds, TimeSpan duration, long[] sequences) =>
        ClosedLoopLoad.RunAsync(http, "/api/v1/events", batchSize, duration, sequences, (client, first) =>
        {
            var content = new ByteArrayContent(EventBodyWriter.Write(batchSize, first, withIds ? $"c{client}" : null, DateTimeOffset.UtcNow));
            content.Headers.ContentType = Json;
            return content;
        }, HttpStatusCode.Accepted);
}
