using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Google.Protobuf;
using MonitorDashboard.Tests.Process;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Data points per second through OTLP/HTTP protobuf (<c>POST /v1/metrics</c>) in exports of 1,000 gauge points,
/// beside the JSON API's events per second in batches of 1,000, against the same app process and the same closed-loop
/// clients (each waits for its answer, that is for the group commit, before it sends again). Both rows store one point
/// per value, so the difference is what OTLP translation costs (or saves) on the way in.
/// </summary>
public static class OtlpIngestBenchmark
{
    public const int PointsPerExport = 1_000;

    public static async Task<string> RunAsync(string appDirectory, string folder, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        var settings = new Dictionary<string, string> { ["Auth__IngestEventsPerSecond"] = "10000000", ["Auth__IngestEventBurst"] = "10000000" };
        await using var app = await AppProcess.StartAsync(appDirectory, Path.Combine(folder, "otlp.db"), AppProcess.NewApiKey(), settings);
        var json = await HttpIngestBenchmark.RunAsync(app, PointsPerExport, clients, withIds: false, warmUp, duration);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = app.CreateClient(handler);
        await RunPhaseAsync(http, clients, warmUp);
        var started = Stopwatch.GetTimestamp();
        var (points, latencies) = await RunPhaseAsync(http, clients, duration);
        var elapsed = Stopwatch.GetElapsedTime(started);
        latencies.Sort();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| path (batches of {PointsPerExport}, {clients} clients) | points/s | p50 ms | p99 ms |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| JSON API `POST /api/v1/events` | {json.EventsPerSecond:N0} | {json.P50Milliseconds:N1} | {json.P99Milliseconds:N1} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| OTLP/HTTP protobuf `POST /v1/metrics` | {points / elapsed.TotalSeconds:N0} | {Percentiles.Of(latencies, 0.50):N1} | {Percentiles.Of(latencies, 0.99):N1} |");
        return report.ToString();
    }

    private static async Task<(long Points, List<double> Latencies)> RunPhaseAsync(HttpClient http, int clients, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            long points = 0;
            var latencies = new List<double>();
            var sequence = 0L;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                using var content = new ByteArrayContent(Export(client, sequence, DateTimeOffset.UtcNow).ToByteArray());
                content.Headers.ContentType = new("application/x-protobuf");
                sequence += PointsPerExport;
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/v1/metrics", content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"POST /v1/metrics answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                points += PointsPerExport;
            }
            return (points, latencies);
        })));
        return (results.Sum(r => r.points), results.SelectMany(r => r.latencies).ToList());
    }

    /// <summary>One export of 1,000 gauge points over 10 series (as the JSON body writer spreads its events), 1 ms apart.</summary>
    private static ExportMetricsServiceRequest Export(int client, long sequence, DateTimeOffset now)
    {
        var gauge = new Gauge();
        var nowNs = (ulong)now.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < PointsPerExport; i++)
        {
            gauge.DataPoints.Add(new NumberDataPoint
            {
                AsDouble = (sequence + i) % 997,
                TimeUnixNano = nowNs - ((ulong)(PointsPerExport - i) * 1_000_000),
                Attributes = { new KeyValue { Key = "series", Value = new AnyValue { StringValue = $"c{client}-{i % 10}" } } },
            });
        }
        return new ExportMetricsServiceRequest
        {
            ResourceMetrics =
            {
                new ResourceMetrics
                {
                    Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "bench" } } } },
                    ScopeMetrics = { new ScopeMetrics { Metrics = { new Metric { Name = "latency_ms", Gauge = gauge } } } },
                },
            },
        };
    }
}
