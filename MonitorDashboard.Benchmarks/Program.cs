using System.Runtime.InteropServices;
using MonitorDashboard.Benchmarks;
using MonitorDashboard.Tests.Process;

// Scenarios (docs/benchmarks.md): without a scenario name, ingestion throughput of the real app process and the
// store-only ceiling in one run; "alarms": one alarm evaluation cycle; "tabs": live browser tabs under ingest load.
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
var warmUp = TimeSpan.FromSeconds(Math.Min(2, Math.Max(1, options.Seconds / 5.0)));
var duration = TimeSpan.FromSeconds(options.Seconds);
var storeDuration = TimeSpan.FromSeconds(options.StoreSeconds);
// The per-key rate limit (Auth:IngestRequestsPerSecond) is a policy, not a capacity: lift it to measure the path.
var appSettings = new Dictionary<string, string>
{
    ["Auth__IngestRequestsPerSecond"] = "1000000",
    ["Auth__IngestBurst"] = "1000000",
};
foreach (var (key, value) in options.AppSettings)
{
    appSettings[key] = value;
}

try
{
    var httpResults = new List<HttpResult>();
    foreach (var batchSize in options.BatchSizes)
    {
        foreach (var withIds in new[] { true, false })
        {
            Console.Error.WriteLine($"HTTP: batches of {batchSize}, {options.Clients} clients, ids {(withIds ? "on" : "off")}, {options.Seconds} s ...");
            var databasePath = Path.Combine(folder.FullName, $"http-{batchSize}-{(withIds ? "ids" : "noids")}.db");
            await using var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), appSettings);
            httpResults.Add(await HttpIngestBenchmark.RunAsync(app, batchSize, options.Clients, withIds, warmUp, duration));
        }
    }

    var storeRuns = new (string Name, int RowsPerTransaction, bool WithIds, Func<string, int, bool, TimeSpan, StoreResult> Run)[]
    {
        ("raw", 1000, true, StoreBenchmark.Raw),
        ("raw", 1000, false, StoreBenchmark.Raw),
        ("raw", 1, true, StoreBenchmark.Raw),
        ("pointstore", 1000, true, StoreBenchmark.AppPointStore),
        ("pointstore", 1000, false, StoreBenchmark.AppPointStore),
        ("ef", 1000, true, StoreBenchmark.EntityFramework),
        ("ef", 1000, false, StoreBenchmark.EntityFramework),
    };
    var storeResults = new List<StoreResult>();
    foreach (var (name, rowsPerTransaction, withIds, run) in storeRuns)
    {
        Console.Error.WriteLine($"Store: {name}, {rowsPerTransaction} rows per transaction, ids {(withIds ? "on" : "off")}, {options.StoreSeconds} s ...");
        var databasePath = Path.Combine(folder.FullName, $"store-{name}-{rowsPerTransaction}-{(withIds ? "ids" : "noids")}.db");
        await StoreBenchmark.CreateAsync(databasePath);
        storeResults.Add(run(databasePath, rowsPerTransaction, withIds, storeDuration));
    }

    Console.Error.WriteLine($"Parse only: 1000 events per body, ids on, {options.StoreSeconds} s ...");
    storeResults.Add(ParseBenchmark.Run(1000, withIds: true, storeDuration));

    Console.Error.WriteLine($"API key check only, {options.StoreSeconds} s ...");
    var authDatabasePath = Path.Combine(folder.FullName, "auth.db");
    await StoreBenchmark.CreateAsync(authDatabasePath);
    storeResults.Add(await AuthBenchmark.RunAsync(authDatabasePath, storeDuration));

    Console.WriteLine(ResultTables.Http(httpResults, options));
    Console.WriteLine(ResultTables.Store(storeResults, options));
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
