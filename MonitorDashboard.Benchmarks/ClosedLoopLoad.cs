using System.Diagnostics;
using System.Net;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Concurrent clients, each sending its next batch only when the previous one was acknowledged (closed-loop load,
/// as instrumented services send). The same loop drives the app and its peer, so only the server differs.
/// </summary>
public static class ClosedLoopLoad
{
    /// <param name="body">The request body of <paramref name="batchSize"/> events for a client, numbered from the given sequence.</param>
    /// <param name="acknowledged">The server's "stored" answer: 202 from the app, 204 from InfluxDB.</param>
    public static async Task<(long Events, long Rejected, List<double> Latencies)> RunAsync(
        HttpClient http, string path, int batchSize, TimeSpan duration, long[] sequences,
        Func<int, long, HttpContent> body, HttpStatusCode acknowledged)
    {
        var started = Stopwatch.GetTimestamp();
        var clients = Enumerable.Range(0, sequences.Length).Select(client => Task.Run(async () =>
        {
            long events = 0, rejected = 0;
            var latencies = new List<double>();
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                using var content = body(client, sequences[client]);
                sequences[client] += batchSize;
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(path, content);
                var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode == acknowledged)
                {
                    events += batchSize;
                    latencies.Add(latency);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // Queue full: back off as told (this is a figure in the table, not a failure).
                    rejected += batchSize;
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
                else
                {
                    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            return (events, rejected, latencies);
        })).ToArray();

        var results = await Task.WhenAll(clients);
        return (results.Sum(r => r.events), results.Sum(r => r.rejected), results.SelectMany(r => r.latencies).ToList());
    }
}
