using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// One chart as a page loads it: <c>GET /api/v1/series/points</c> for one metric of <see cref="ChartDataGenerator.Model"/>
/// (every version's series), over a range ending now, in about 1,000 buckets. Queries run one after another and rotate
/// through the metric names, so consecutive queries read different series.
/// </summary>
public static class ChartQueryBenchmark
{
    public const int WarmUpQueries = 5;
    public const int MinimumQueries = 10;
    private const int TargetBuckets = 1000;

    /// <summary>Up to <paramref name="queries"/> measured queries; fewer when they take longer than <paramref name="budget"/> (at least <see cref="MinimumQueries"/>).</summary>
    public static async Task<ChartQueryResult> RunAsync(AppProcess app, TimeSpan range, int queries, TimeSpan budget)
    {
        using var http = app.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        var step = StepFor(range);
        var names = ChartDataGenerator.MetricNames;
        for (var i = 0; i < WarmUpQueries; i++)
        {
            await QueryAsync(http, names[i % names.Length], range, step);
        }

        var latencies = new List<double>();
        var series = new List<int>();
        var buckets = new List<int>();
        var bytes = new List<int>();
        var started = Stopwatch.GetTimestamp();
        while (latencies.Count < queries && (latencies.Count < MinimumQueries || Stopwatch.GetElapsedTime(started) < budget))
        {
            var (milliseconds, body) = await QueryAsync(http, names[(WarmUpQueries + latencies.Count) % names.Length], range, step);
            latencies.Add(milliseconds);
            bytes.Add(body.Length);
            // Counted after the clock stopped: the client's parsing is not the server's time.
            using var json = JsonDocument.Parse(body);
            series.Add(json.RootElement.GetArrayLength());
            buckets.Add(json.RootElement.EnumerateArray().Sum(s => s.GetProperty("buckets").GetArrayLength()));
        }
        latencies.Sort();
        return new ChartQueryResult(range, step, latencies.Count,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95), latencies[^1],
            series.Average(), buckets.Average(), bytes.Average() / 1024.0);
    }

    /// <summary>About range / 1,000 rounded up to whole seconds, minutes or hours, as a chart would pick it: 1 h gives 4s, 7 d gives 11m.</summary>
    public static string StepFor(TimeSpan range)
    {
        var seconds = Math.Ceiling(range.TotalSeconds / TargetBuckets);
        return seconds switch
        {
            < 60 => Invariant($"{seconds:0}s"),
            < 3600 => Invariant($"{Math.Ceiling(seconds / 60):0}m"),
            _ => Invariant($"{Math.Ceiling(seconds / 3600):0}h"),
        };
    }

    private static async Task<(double Milliseconds, byte[] Body)> QueryAsync(HttpClient http, string name, TimeSpan range, string step)
    {
        var to = DateTimeOffset.UtcNow;
        var url = Invariant($"/api/v1/series/points?model={ChartDataGenerator.Model}&name={name}&from={Rfc3339(to - range)}&to={Rfc3339(to)}&step={step}");
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        var milliseconds = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        return (milliseconds, body);
    }

    private static string Rfc3339(DateTimeOffset time) =>
        Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
