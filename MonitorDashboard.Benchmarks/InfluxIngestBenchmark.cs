using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace MonitorDashboard.Benchmarks;

/// <summary>The app's HTTP ingestion scenario against InfluxDB: same events, same closed loop, same client count.</summary>
public static class InfluxIngestBenchmark
{
    private static readonly MediaTypeHeaderValue Text = new("text/plain");
    private static readonly string WritePath = $"/write?db={InfluxProcess.Database}&precision=ns";

    public static async Task<PeerResult> RunAsync(InfluxProcess influx, int batchSize, int clients, bool withIds, TimeSpan warmUp, TimeSpan duration,
        EventIdShape shape = EventIdShape.InOrder)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = influx.CreateClient(handler);
        http.Timeout = TimeSpan.FromMinutes(1);
        var sequences = new long[clients];

        var warm = await RunPhaseAsync(http, batchSize, withIds, warmUp, sequences, shape);
        var cpuBefore = influx.TotalProcessorTime();
        var started = Stopwatch.GetTimestamp();
        var (events, _, latencies) = await RunPhaseAsync(http, batchSize, withIds, duration, sequences, shape);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = influx.TotalProcessorTime() - cpuBefore;
        latencies.Sort();
        return new PeerResult(batchSize, withIds, events, elapsed,
            P50Milliseconds: Percentiles.Of(latencies, 0.50),
            P99Milliseconds: Percentiles.Of(latencies, 0.99),
            CpuShare: cpu / elapsed,
            PeakResidentBytes: influx.PeakResidentBytes(),
            DataBytes: influx.DataBytes(),
            StoredEvents: warm.Events + events,
            IdShape: shape);
    }

    private static Task<(long Events, long Rejected, List<double> Latencies)> RunPhaseAsync(
        HttpClient http, int batchSize, bool withIds, TimeSpan duration, long[] sequences, EventIdShape shape) =>
        ClosedLoopLoad.RunAsync(http, WritePath, batchSize, duration, sequences, (client, first) =>
        {
            var content = new ByteArrayContent(LineProtocolWriter.Write(batchSize, first, withIds ? $"c{client}" : null, DateTimeOffset.UtcNow, shape));
            content.Headers.ContentType = Text;
            return content;
        }, HttpStatusCode.NoContent);
}
