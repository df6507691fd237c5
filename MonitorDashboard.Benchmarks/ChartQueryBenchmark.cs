using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// One chart as a page loads it: <c>GET /api/v1/series/points</c> for one metric of <see cref="ChartDataGenerator.Model"/>
/// (every version's series), over a range ending where the generated history ends, in about 1,000 buckets. Queries run one after another and rotate
/// through the metric names, so consecutive queries read different series.
/// </summary>
public static class ChartQueryBenchmark
{
    public const int WarmUpQueries = 5;
    public const int MinimumQueries = 10;
    private const int TargetBuckets = 1000;

    /// <summary>Up to <paramref name="queries"/> measured queries; fewer when they take longer than <paramref name="budget"/> (at least <see cref="MinimumQueries"/>).</summary>
    public static async Task<ChartQueryResult> RunAsync(AppProcess app, DateTimeOffset end, TimeSpan range, int queries, TimeSpan budget)
    {
        using var http = app.CreateClient();
        return await RunAsync(http, end, range, queries, budget, AppUrl, CountAppAnswer);
    }

    /// <summary>The same charts from InfluxDB, loaded with the same points (<see cref="InfluxChartLoader"/>), as InfluxQL.</summary>
    public static async Task<ChartQueryResult> RunAsync(InfluxProcess influx, DateTimeOffset end, TimeSpan range, int queries, TimeSpan budget)
    {
        using var handler = new SocketsHttpHandler();
        using var http = influx.CreateClient(handler);
        return await RunAsync(http, end, range, queries, budget, InfluxUrl, CountInfluxAnswer);
    }

    /// <param name="end">
    /// The end of the generated history: every range ends there, so both stores read the same points however long
    /// loading the other took (a range ending "now" would hold fewer points the later it runs).
    /// </param>
    private static async Task<ChartQueryResult> RunAsync(HttpClient http, DateTimeOffset end, TimeSpan range, int queries, TimeSpan budget,
        Func<string, DateTimeOffset, DateTimeOffset, string, string> url, Func<JsonElement, (int Series, int Buckets)> count)
    {
        http.Timeout = TimeSpan.FromMinutes(2);
        var step = StepFor(range);
        var names = ChartDataGenerator.MetricNames;
        string UrlFor(int query) => url(names[query % names.Length], end - range, end, step);
        for (var i = 0; i < WarmUpQueries; i++)
        {
            await QueryAsync(http, UrlFor(i));
        }

        var latencies = new List<double>();
        var series = new List<int>();
        var buckets = new List<int>();
        var bytes = new List<int>();
        var started = Stopwatch.GetTimestamp();
        while (latencies.Count < queries && (latencies.Count < MinimumQueries || Stopwatch.GetElapsedTime(started) < budget))
        {
            var (milliseconds, body) = await QueryAsync(http, UrlFor(WarmUpQueries + latencies.Count));
            latencies.Add(milliseconds);
            bytes.Add(body.Length);
            // Counted after the clock stopped: the client's parsing is not the server's time.
            using var json = JsonDocument.Parse(body);
            var (seriesCount, bucketCount) = count(json.RootElement);
            series.Add(seriesCount);
            buckets.Add(bucketCount);
        }
        latencies.Sort();
        return new ChartQueryResult(range, step, latencies.Count,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95), latencies[^1],
            series.Average(), buckets.Average(), bytes.Average() / 1024.0);
    }

    private static string AppUrl(string name, DateTimeOffset from, DateTimeOffset to, string step) =>
        Invariant($"/api/v1/series/points?model={ChartDataGenerator.Model}&name={name}&from={Rfc3339(from)}&to={Rfc3339(to)}&step={step}");

    private static (int, int) CountAppAnswer(JsonElement answer) =>
        (answer.GetArrayLength(), answer.EnumerateArray().Sum(s => s.GetProperty("buckets").GetArrayLength()));

    /// <summary>The app's statistics per bucket and version that a chart needs, in InfluxQL (empty buckets left out, as the app does).</summary>
    private static string InfluxUrl(string name, DateTimeOffset from, DateTimeOffset to, string step) =>
        Invariant($"/query?db={InfluxProcess.Database}&epoch=ms&q=") + Uri.EscapeDataString(Invariant(
            $"SELECT percentile(\"value\", 95), mean(\"value\"), count(\"value\") FROM {InfluxChartLoader.Measurement} WHERE \"name\" = '{name}' AND time >= {from.ToUnixTimeMilliseconds()}ms AND time < {to.ToUnixTimeMilliseconds()}ms GROUP BY time({step}), \"version\" fill(none)"));

    private static (int, int) CountInfluxAnswer(JsonElement answer)
    {
        var result = answer.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB query failed: {error.GetString()}");
        }
        return result.TryGetProperty("series", out var series)
            ? (series.GetArrayLength(), series.EnumerateArray().Sum(s => s.GetProperty("values").GetArrayLength()))
            : (0, 0);
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

    private static async Task<(double Milliseconds, byte[] Body)> QueryAsync(HttpClient http, string url)
    {
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
