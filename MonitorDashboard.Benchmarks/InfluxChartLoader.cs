using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Loads <see cref="ChartDataGenerator.Points"/> (the history the app's chart queries read) into InfluxDB, so both answer
/// the same charts over the same points: version and metric name as tags, the value as a field, millisecond timestamps.
/// </summary>
public static class InfluxChartLoader
{
    public const string Measurement = "chart";
    private const int PointsPerRequest = 10_000;
    private const int Posters = 4;
    private static readonly MediaTypeHeaderValue Text = new("text/plain");

    public static async Task<TimeSpan> LoadAsync(InfluxProcess influx, long points, DateTimeOffset end)
    {
        var prefixes = ChartDataGenerator.Versions
            .SelectMany(version => ChartDataGenerator.MetricNames.Select(name => $"{Measurement},name={name},version={version} value="))
            .ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Posters };
        using var http = influx.CreateClient(handler);
        http.Timeout = TimeSpan.FromMinutes(5);
        var started = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(Posters);
        var posts = new List<Task>();
        foreach (var chunk in ChartDataGenerator.Points(points, end).Chunk(PointsPerRequest))
        {
            var body = new StringBuilder(chunk.Length * 64);
            foreach (var (series, timestampMs, value) in chunk)
            {
                body.Append(prefixes[series]).Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(timestampMs).Append('\n');
            }
            await gate.WaitAsync();
            posts.Add(PostAsync(http, Encoding.UTF8.GetBytes(body.ToString()), gate));
            posts.RemoveAll(p => p.IsCompletedSuccessfully);
        }
        await Task.WhenAll(posts);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task PostAsync(HttpClient http, byte[] body, SemaphoreSlim gate)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Text;
            using var response = await http.PostAsync($"/write?db={InfluxProcess.Database}&precision=ms", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"InfluxDB refused chart points: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
