using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Issue 19's abuse run: one client tries to create 1,000,000 new series (1,000 batches of 1,000 events, each event a new
/// tag combination, as a user-id tag would) against the default cardinality limits, while other clients ingest normally.
/// The same normal load runs once without the abusive client, each run on a fresh app process and database, so the
/// normal clients' p99 latency and the server's peak RSS (VmHWM, start-up included) compare like with like. The abusive
/// client has its own API key, and either honours Retry-After or retries at once (the worst case).
/// </summary>
public static class AbuseBenchmark
{
    public const int AbusiveBatches = 1_000;
    public const int AbusiveBatchSize = 1_000;
    private const int NormalBatchSize = 100;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <param name="honourRetryAfter">Whether the abusive client waits as a 429 tells it (HTTP clients with a retry policy, OTLP exporters
    /// and Prometheus do) or retries at once (a hostile client).</param>
    public static async Task<string> RunAsync(string appDirectory, string folder, int normalClients, TimeSpan duration, bool honourRetryAfter)
    {
        var quiet = await RunOnceAsync(appDirectory, Path.Combine(folder, "quiet.db"), normalClients, abusive: false, duration, honourRetryAfter);
        var abused = await RunOnceAsync(appDirectory, Path.Combine(folder, "abuse.db"), normalClients, abusive: true, duration, honourRetryAfter);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| run ({normalClients} normal clients, batches of {NormalBatchSize}, {duration.TotalSeconds:N0} s; abuser {(honourRetryAfter ? "honours" : "ignores")} Retry-After) | normal events/s | normal p50 ms | normal p99 ms | server peak RSS MB | abusive batches sent | abusive events stored | refused | 503/429 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, run) in new[] { ("without the abusive client", quiet), ("with the abusive client", abused) })
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {run.NormalEventsPerSecond:N0} | {run.P50:N1} | {run.P99:N1} | {run.PeakRssMb:N0} | {run.AbusiveBatches:N0} | {run.AbusiveStored:N0} | {run.AbusiveRefused:N0} | {run.AbusiveRejected:N0} |");
        }
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Targets: peak RSS <= 400 MB: {(abused.PeakRssMb <= 400 ? "met" : "missed")} ({abused.PeakRssMb:N0} MB); "
            + $"normal p99 within 2x: {(abused.P99 <= 2 * quiet.P99 ? "met" : "missed")} ({abused.P99 / quiet.P99:N2}x); "
            + $"the abusive client sent {abused.AbusiveBatches:N0} batches of {AbusiveBatchSize:N0} new series in {abused.AbusiveSeconds:N1} s.");
        return report.ToString();
    }

    private sealed record Run(double NormalEventsPerSecond, double P50, double P99, double PeakRssMb,
        int AbusiveBatches, long AbusiveStored, long AbusiveRefused, long AbusiveRejected, double AbusiveSeconds);

    private static async Task<Run> RunOnceAsync(string appDirectory, string databasePath, int normalClients, bool abusive, TimeSpan duration, bool honourRetryAfter)
    {
        // The per-key rate limit is a policy, not a capacity: lift it so the cardinality guard is what meets the abuse.
        var settings = new Dictionary<string, string> { ["Auth__IngestEventsPerSecond"] = "10000000", ["Auth__IngestEventBurst"] = "10000000" };
        await using var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), settings);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = normalClients + 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = app.CreateClient(handler);
        http.Timeout = TimeSpan.FromMinutes(2);
        var sequences = new long[normalClients];

        await NormalLoadAsync(http, TimeSpan.FromSeconds(3), sequences); // JIT, connections, the normal series
        using var stop = new CancellationTokenSource(duration);
        // Its own API key, as a separate service would have: per-key policies (rate limit, refusal backoff) must not hit the others.
        using var abuserHandler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var abuser = app.CreateClient(abuserHandler);
        abuser.Timeout = http.Timeout;
        abuser.DefaultRequestHeaders.Remove("X-Api-Key");
        abuser.DefaultRequestHeaders.Authorization = new("Bearer", await AddIngestKeyAsync(databasePath));
        var abuse = abusive ? AbuseAsync(abuser, honourRetryAfter, stop.Token) : Task.FromResult((0, 0L, 0L, 0L, 0.0));
        var started = Stopwatch.GetTimestamp();
        var (events, _, latencies) = await NormalLoadAsync(http, duration, sequences);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (batches, stored, refused, rejected, seconds) = await abuse;
        latencies.Sort();
        return new Run(events / elapsed.TotalSeconds, Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99),
            (app.PeakResidentBytes() ?? 0) / 1024.0 / 1024.0, batches, stored, refused, rejected, seconds);
    }

    /// <summary>An Ingest key written straight into the app's database (there is no key API; the Admin page makes them).</summary>
    private static async Task<string> AddIngestKeyAsync(string databasePath)
    {
        var secret = ApiKeySecret.Generate();
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO ApiKeys (Name, Role, SecretHash, Prefix, CreatedBy, CreatedMs) VALUES ('abuser', $role, $hash, $prefix, 'benchmark', 0)";
        insert.Parameters.AddWithValue("$role", Roles.Ingest);
        insert.Parameters.AddWithValue("$hash", ApiKeySecret.Hash(secret));
        insert.Parameters.AddWithValue("$prefix", ApiKeySecret.PrefixOf(secret));
        insert.CommandTimeout = 30;
        await insert.ExecuteNonQueryAsync();
        return secret;
    }

    private static Task<(long Events, long Rejected, List<double> Latencies)> NormalLoadAsync(HttpClient http, TimeSpan duration, long[] sequences) =>
        ClosedLoopLoad.RunAsync(http, "/api/v1/events", NormalBatchSize, duration, sequences, (_, first) =>
        {
            var content = new ByteArrayContent(EventBodyWriter.Write(NormalBatchSize, first, null, DateTimeOffset.UtcNow));
            content.Headers.ContentType = Json;
            return content;
        }, HttpStatusCode.Accepted);

    /// <summary>Batches of 1,000 events of series never seen before (two tag keys: a user, and a session per batch), back to back.</summary>
    private static async Task<(int Batches, long Stored, long Refused, long Rejected, double Seconds)> AbuseAsync(HttpClient http, bool honourRetryAfter, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        long stored = 0, refused = 0, rejected = 0;
        var batch = 0;
        // At least its 1,000 batches, and on until the normal load ends: it never lets up while the others are measured.
        for (; batch < AbusiveBatches || !stop.IsCancellationRequested; batch++)
        {
            using var content = new ByteArrayContent(AbusiveBody(batch));
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync("/api/v1/events", content, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                stored += body.GetProperty("accepted").GetInt64();
                refused += body.TryGetProperty("refused", out var r) ? r.GetInt64() : 0;
            }
            else if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
            {
                rejected += AbusiveBatchSize;
                if (honourRetryAfter)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, CancellationToken.None);
                }
            }
            else
            {
                throw new InvalidOperationException($"abusive batch {batch} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
        }
        return (batch, stored, refused, rejected, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static byte[] AbusiveBody(int batch)
    {
        var buffer = new ArrayBufferWriter<byte>(AbusiveBatchSize * 160);
        var ts = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < AbusiveBatchSize; i++)
            {
                json.WriteStartObject();
                json.WriteString("ts", ts);
                json.WriteString("model", "abuser");
                json.WriteString("kind", "software");
                json.WriteString("name", "clicks");
                json.WriteNumber("value", i);
                json.WriteStartObject("tags");
                json.WriteString("user", $"u{i}");
                json.WriteString("session", $"s{batch}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
