using System.Runtime.InteropServices;
using MonitorDashboard.Benchmarks;
using MonitorDashboard.Tests.Process;

// Scenarios (docs/benchmarks.md): without a scenario name, the issue-7 targets in one run (HTTP ingestion against the
// bare insert ceiling, live latency, chart queries over a week of history, memory and database size; TargetsBenchmark);
// "alarms": one alarm evaluation cycle; "tabs": live browser tabs under ingest load; "otlp [seconds]": OTLP/HTTP
// protobuf data points/s beside the JSON API's events/s, batches of 1,000; "abuse [seconds] [--ignore-retry-after]": one
// client tries to create 1,000,000 series against the default cardinality limits while others ingest (AbuseBenchmark);
// "postgres [seconds]": durable ingest on PostgreSQL beside SQLite at batches of 1, 100 and 1,000 (PostgresIngestBenchmark).
switch (args.FirstOrDefault())
{
    case "alarms":
        await RunInTempFolderAsync("monitor-alarm-bench-", async folder =>
            Console.WriteLine(await AlarmEvaluationBenchmark.RunAsync(folder, cycles: 20)));
        return;
    case "tabs":
        await RunInTempFolderAsync("monitor-tabs-bench-", async folder =>
            Console.WriteLine(await LiveTabsBenchmark.RunAsync(AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration()), folder,
                tabs: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
                eventsPerSecond: 5000, TimeSpan.FromSeconds(30))));
        return;
    case "otlp":
        await RunInTempFolderAsync("monitor-otlp-bench-", async folder =>
            Console.WriteLine(await OtlpIngestBenchmark.RunAsync(AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration()), folder, clients: 8,
                warmUp: TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8))));
        return;
    case "abuse":
        await RunInTempFolderAsync("monitor-abuse-bench-", async folder =>
            Console.WriteLine(await AbuseBenchmark.RunAsync(AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration()), folder, normalClients: 4,
                TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30),
                honourRetryAfter: !args.Contains("--ignore-retry-after"))));
        return;
    case "postgres":
        await RunInTempFolderAsync("monitor-pg-bench-", async folder =>
            Console.WriteLine(await PostgresIngestBenchmark.RunAsync(AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration()), folder, clients: 8,
                warmUp: TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15))));
        return;
    case "parse":
        var parsed = ParseBenchmark.Run(1000, withIds: true, TimeSpan.FromSeconds(5));
        Console.WriteLine($"{parsed.Writer}: {parsed.RowsPerSecond:N0} events/s on one thread");
        return;
}

var options = BenchmarkOptions.Parse(args);
var configuration = AppProcess.CurrentConfiguration();
if (configuration != "Release")
{
    Console.Error.WriteLine($"warning: this is a {configuration} build; run with -c Release for figures worth quoting");
}
var appDirectory = AppProcess.FindAppDirectory(configuration);
var folder = Directory.CreateTempSubdirectory("monitor-bench-");
// Also on SIGTERM or Ctrl+C, when the finally below does not run (AppProcess kills the apps the same way).
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteQuietly(folder));
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteQuietly(folder));
// The per-key rate limit (Auth:IngestEventsPerSecond) is a policy, not a capacity: lift it to measure the path.
var appSettings = new Dictionary<string, string>
{
    ["Auth__IngestEventsPerSecond"] = "10000000",
    ["Auth__IngestEventBurst"] = "10000000",
};
foreach (var (key, value) in options.AppSettings)
{
    appSettings[key] = value;
}

try
{
    var report = await new TargetsBenchmark(options, appDirectory, folder.FullName, appSettings).RunAsync();
    Console.WriteLine(ResultTables.All(report));
}
finally
{
    DeleteQuietly(folder);
}

static async Task RunInTempFolderAsync(string prefix, Func<string, Task> run)
{
    var folder = Directory.CreateTempSubdirectory(prefix);
    try
    {
        await run(folder.FullName);
    }
    finally
    {
        DeleteQuietly(folder);
    }
}

static void DeleteQuietly(DirectoryInfo folder)
{
    try
    {
        folder.Refresh();
        if (folder.Exists)
        {
            folder.Delete(recursive: true);
        }
    }
    catch (IOException)
    {
        // an app still holding a file; the temp folder is cleaned by the OS eventually
    }
}
