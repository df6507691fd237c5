using System.Diagnostics;
using MonitorDashboard.Configuration;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The default scenario: every figure issue 7 sets a target for, in one run. 1. HTTP ingestion of the app process;
/// 2. the bare insert loop as its ceiling; 3. live latency to a SignalR client; 4. chart queries over a week of history;
/// 5. the apps' peak memory and the databases' size. Each phase starts its own app processes on fresh files in <c>folder</c>.
/// </summary>
public sealed class TargetsBenchmark(BenchmarkOptions options, string appDirectory, string folder, IReadOnlyDictionary<string, string> appSettings)
{
    public const int LiveEventsPerSecond = 10_000;
    public static readonly TimeSpan[] ChartRanges = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7)];
    public const int ChartQueriesPerRange = 50;
    // Raw-point queries over 7 days take about a second here: the budget keeps the run short, not the sample.
    public static readonly TimeSpan ChartQueryBudget = TimeSpan.FromSeconds(60);
    // The app's first start on a large file may build derived data from the raw points first.
    private static readonly TimeSpan ChartStartUpTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public async Task<BenchmarkReport> RunAsync()
    {
        var (http, peers) = await RunHttpAsync();
        var (ceilings, otherStoreRows) = await RunStoreAsync();
        var live = await RunLiveAsync();
        var charts = await RunChartsAsync();
        return new BenchmarkReport(options, http, peers, ceilings, otherStoreRows, live, charts);
    }

    private async Task<(List<HttpResult> App, List<PeerResult> Peers)> RunHttpAsync()
    {
        var warmUp = TimeSpan.FromSeconds(Math.Min(2, Math.Max(1, options.Seconds / 5.0)));
        var results = new List<HttpResult>();
        var peers = new List<PeerResult>();
        var influxd = InfluxProcess.FindBinary();
        if (influxd is null)
        {
            Console.Error.WriteLine("note: influxd is not installed (apt-get install influxdb), so there is no InfluxDB row to compare with");
        }
        foreach (var batchSize in options.BatchSizes)
        {
            foreach (var withIds in options.EventIds)
            {
                Console.Error.WriteLine($"1. HTTP: batches of {batchSize}, {options.Clients} clients, ids {(withIds ? "on" : "off")}, {options.Seconds} s ...");
                var databasePath = Path.Combine(folder, $"http-{batchSize}-{(withIds ? "ids" : "noids")}.db");
                HttpResult result;
                await using (var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), appSettings))
                {
                    result = await HttpIngestBenchmark.RunAsync(app, batchSize, options.Clients, withIds, warmUp, TimeSpan.FromSeconds(options.Seconds));
                }
                results.Add(result with { Files = DatabaseFiles.Measure(databasePath) });
                if (influxd is not null)
                {
                    Console.Error.WriteLine($"1. InfluxDB: batches of {batchSize}, {options.Clients} clients, ids {(withIds ? "on" : "off")}, {options.Seconds} s ...");
                    await using var influx = await InfluxProcess.StartAsync(influxd, Path.Combine(folder, $"influx-{batchSize}-{(withIds ? "ids" : "noids")}"));
                    peers.Add(await InfluxIngestBenchmark.RunAsync(influx, batchSize, options.Clients, withIds, warmUp, TimeSpan.FromSeconds(options.Seconds)));
                }
            }
        }
        if (options.RandomIdSeconds > 0)
        {
            await RunRandomIdsAsync(influxd, warmUp, results, peers);
        }
        return (results, peers);
    }

    /// <summary>Batches of 1,000 with UUIDv4 ids, after <see cref="BenchmarkOptions.PrefillIds"/> random ids: de-duplication against a full history.</summary>
    private async Task RunRandomIdsAsync(string? influxd, TimeSpan warmUp, List<HttpResult> results, List<PeerResult> peers)
    {
        const int BatchSize = 1000;
        var duration = TimeSpan.FromSeconds(options.RandomIdSeconds);
        Console.Error.WriteLine($"1. HTTP: batches of {BatchSize}, UUIDv4 ids after {options.PrefillIds:N0} stored ids, {options.RandomIdSeconds} s ...");
        var databasePath = Path.Combine(folder, "http-uuid.db");
        HttpResult result;
        await using (var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), appSettings))
        {
            result = await HttpIngestBenchmark.RunAsync(app, BatchSize, options.Clients, true, warmUp, duration, EventIdShape.RandomUuid, options.PrefillIds);
        }
        results.Add(result with { Files = DatabaseFiles.Measure(databasePath) });
        if (influxd is not null)
        {
            Console.Error.WriteLine($"1. InfluxDB: batches of {BatchSize}, UUIDv4 ids, {options.RandomIdSeconds} s ...");
            await using var influx = await InfluxProcess.StartAsync(influxd, Path.Combine(folder, "influx-uuid"));
            peers.Add(await InfluxIngestBenchmark.RunAsync(influx, BatchSize, options.Clients, true, warmUp, duration, EventIdShape.RandomUuid));
        }
    }

    private async Task<(List<StoreResult> Ceilings, List<StoreResult> Others)> RunStoreAsync()
    {
        var ceilings = new List<StoreResult>();
        foreach (var withIds in options.EventIds)
        {
            ceilings.Add(await RunStoreRowAsync("raw", 1000, withIds, StoreBenchmark.Raw));
        }
        var others = new List<StoreResult>();
        if (!options.AllStoreRows)
        {
            return (ceilings, others);
        }

        others.Add(await RunStoreRowAsync("raw", 1, true, StoreBenchmark.Raw));
        foreach (var withIds in new[] { true, false })
        {
            others.Add(await RunStoreRowAsync("pointstore", 1000, withIds, StoreBenchmark.AppPointStore));
        }
        foreach (var withIds in new[] { true, false })
        {
            others.Add(await RunStoreRowAsync("ef", 1000, withIds, StoreBenchmark.EntityFramework));
        }
        var storeDuration = TimeSpan.FromSeconds(options.StoreSeconds);
        Console.Error.WriteLine($"2. Parse only: 1000 events per body, ids on, {options.StoreSeconds} s ...");
        others.Add(ParseBenchmark.Run(1000, withIds: true, storeDuration));
        Console.Error.WriteLine($"2. API key check only, {options.StoreSeconds} s ...");
        var authDatabasePath = Path.Combine(folder, "auth.db");
        await StoreBenchmark.CreateAsync(authDatabasePath);
        others.Add(await AuthBenchmark.RunAsync(authDatabasePath, storeDuration));
        return (ceilings, others);
    }

    private async Task<StoreResult> RunStoreRowAsync(string name, int rowsPerTransaction, bool withIds, Func<string, int, bool, TimeSpan, StoreResult> run)
    {
        Console.Error.WriteLine($"2. Store: {name}, {rowsPerTransaction} rows per transaction, ids {(withIds ? "on" : "off")}, {options.StoreSeconds} s ...");
        var databasePath = Path.Combine(folder, $"store-{name}-{rowsPerTransaction}-{(withIds ? "ids" : "noids")}.db");
        await StoreBenchmark.CreateAsync(databasePath);
        return run(databasePath, rowsPerTransaction, withIds, TimeSpan.FromSeconds(options.StoreSeconds));
    }

    private async Task<List<LiveLatencyResult>> RunLiveAsync()
    {
        var clientInterval = appSettings.TryGetValue("Live__ClientFlushIntervalMilliseconds", out var configured)
            ? configured
            : new LiveOptions().ClientFlushIntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var runs = new (string Label, IReadOnlyDictionary<string, string> Settings)[]
        {
            ($"as configured: {clientInterval} ms client interval", appSettings),
        };
        var results = new List<LiveLatencyResult>();
        foreach (var (label, settings) in runs)
        {
            Console.Error.WriteLine($"3. Live latency ({label}): {LiveEventsPerSecond:N0} events/s for {options.LiveSeconds} s ...");
            var databasePath = Path.Combine(folder, $"live-{results.Count}.db");
            await using var app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), settings);
            results.Add(await LiveLatencyBenchmark.RunAsync(app, label, LiveEventsPerSecond, TimeSpan.FromSeconds(options.LiveSeconds)));
        }
        return results;
    }

    private async Task<ChartPhaseResult> RunChartsAsync()
    {
        Console.Error.WriteLine($"4. Chart data: {options.QueryPoints:N0} points in {ChartDataGenerator.SeriesCount} series over 7 days ...");
        var databasePath = Path.Combine(folder, "charts.db");
        var end = DateTimeOffset.UtcNow;
        var dataset = await ChartDataGenerator.GenerateAsync(databasePath, options.QueryPoints, end);
        Console.Error.WriteLine($"  chart data: {dataset.Points:N0} points in {dataset.Elapsed.TotalSeconds:N1} s, {dataset.PointsPerSecond:N0} points/s");

        // Raw points are kept 7 days by default: a pass at start-up would cut the generated week's first minutes while queries run.
        var settings = new Dictionary<string, string>(appSettings) { ["Retention__RawPointsDays"] = "8" };
        Console.Error.WriteLine($"4. Chart queries: starting the app on {dataset.Points:N0} points (up to {ChartStartUpTimeout.TotalMinutes:N0} min) ...");
        var queries = new List<ChartQueryResult>();
        TimeSpan startUp;
        long? peakResidentBytes;
        var started = Stopwatch.GetTimestamp();
        AppProcess app;
        using (new ProgressTicker("app start-up", ProgressInterval))
        {
            app = await AppProcess.StartAsync(appDirectory, databasePath, AppProcess.NewApiKey(), settings, ChartStartUpTimeout);
        }
        await using (app)
        {
            startUp = Stopwatch.GetElapsedTime(started);
            Console.Error.WriteLine($"  ready after {startUp.TotalSeconds:N1} s");
            foreach (var range in ChartRanges)
            {
                Console.Error.WriteLine($"4. Chart queries: {ResultTables.RangeText(range)} range, up to {ChartQueriesPerRange} queries or {ChartQueryBudget.TotalSeconds:N0} s ...");
                using (new ProgressTicker($"chart queries, {ResultTables.RangeText(range)}", ProgressInterval))
                {
                    queries.Add(await ChartQueryBenchmark.RunAsync(app, end, range, ChartQueriesPerRange, ChartQueryBudget));
                }
            }
            peakResidentBytes = app.PeakResidentBytes();
        }
        var peer = await RunPeerChartsAsync(dataset, end);
        return new ChartPhaseResult(dataset, startUp, queries, peakResidentBytes, DatabaseFiles.Measure(databasePath), peer);
    }

    /// <summary>The same points and charts on InfluxDB; null when it is not installed.</summary>
    private async Task<PeerChartResult?> RunPeerChartsAsync(ChartDataset dataset, DateTimeOffset end)
    {
        if (InfluxProcess.FindBinary() is not { } influxd)
        {
            return null;
        }
        await using var influx = await InfluxProcess.StartAsync(influxd, Path.Combine(folder, "influx-charts"));
        Console.Error.WriteLine($"4. InfluxDB: loading the same {dataset.Points:N0} points ...");
        TimeSpan load;
        using (new ProgressTicker("InfluxDB chart data", ProgressInterval))
        {
            load = await InfluxChartLoader.LoadAsync(influx, dataset.Points, end);
        }
        var queries = new List<ChartQueryResult>();
        foreach (var range in ChartRanges)
        {
            Console.Error.WriteLine($"4. InfluxDB chart queries: {ResultTables.RangeText(range)} range ...");
            queries.Add(await ChartQueryBenchmark.RunAsync(influx, end, range, ChartQueriesPerRange, ChartQueryBudget));
        }
        return new PeerChartResult(load, queries, influx.PeakResidentBytes(), influx.DataBytes());
    }
}
