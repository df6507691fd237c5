using System.Globalization;
using System.Text;
using MonitorDashboard.Tests.Process;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Durable ingest on PostgreSQL beside SQLite, in the same run on the same machine: for each batch size an app process on
/// a fresh SQLite file, then one on a fresh PostgreSQL database (a server of its own with fsync and synchronous commit,
/// as SQLite's synchronous=FULL), each under the same closed-loop clients posting events with unique ids.
/// </summary>
public static class PostgresIngestBenchmark
{
    private static readonly int[] BatchSizes = [1, 100, 1_000];

    public static async Task<string> RunAsync(string appDirectory, string folder, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        if (!PostgresServer.Installed)
        {
            return "PostgreSQL is not installed (apt-get install -y postgresql): nothing to compare SQLite with.";
        }
        var server = await PostgresServer.StartDurableAsync();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| batch ({clients} clients, unique ids) | SQLite events/s | PostgreSQL events/s | PostgreSQL / SQLite | SQLite p99 ms | PostgreSQL p99 ms |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var batch in BatchSizes)
            {
                var sqlite = await MeasureAsync(appDirectory, Path.Combine(folder, $"batch{batch}.db"), [], batch, clients, warmUp, duration);
                var postgres = await MeasureAsync(appDirectory, Path.Combine(folder, "unused.db"), new()
                {
                    ["Storage__Provider"] = "Postgres",
                    ["ConnectionStrings__Postgres"] = await server.CreateDatabaseAsync(),
                }, batch, clients, warmUp, duration);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {batch:N0} | {sqlite.EventsPerSecond:N0} | {postgres.EventsPerSecond:N0} | {postgres.EventsPerSecond / sqlite.EventsPerSecond:F2}x | {sqlite.P99Milliseconds:F1} | {postgres.P99Milliseconds:F1} |");
                Console.Error.WriteLine($"batch {batch}: SQLite {sqlite.EventsPerSecond:N0}/s, PostgreSQL {postgres.EventsPerSecond:N0}/s");
            }
        }
        finally
        {
            server.Stop();
        }
        return report.ToString();
    }

    private static async Task<HttpResult> MeasureAsync(string appDirectory, string databasePath, Dictionary<string, string> settings,
        int batch, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        // The per-key rate limit is a policy, not a capacity: lifted to measure the path.
        settings["Auth__IngestEventsPerSecond"] = "10000000";
        settings["Auth__IngestEventBurst"] = "10000000";
        await using var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), settings, TimeSpan.FromSeconds(60));
        return await HttpIngestBenchmark.RunAsync(app, batch, clients, withIds: true, warmUp, duration);
    }
}
