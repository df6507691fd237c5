#:project ../MonitorDashboard.Benchmarks/MonitorDashboard.Benchmarks.csproj
#:property Configuration=Release
#:property PublishAot=false

// The layouts' bare ceilings, side by side (issue 17): row per point against blocks, ids in insert order against
// random UUIDv4, and blocks with UUIDv4 ids on top of 10 million stored ids; then the app's own writer (PointStore).
// Run: dotnet run bench/store-layouts.cs [seconds per row, default 10]
using System.Globalization;
using MonitorDashboard.Benchmarks;

var seconds = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10);
var folder = Directory.CreateTempSubdirectory("store-layouts-");
try
{
    var rows = new List<StoreResult>();
    async Task<string> FreshAsync(string name)
    {
        var path = Path.Combine(folder.FullName, name + ".db");
        await StoreBenchmark.CreateAsync(path);
        return path;
    }
    void Report(StoreResult r, string path)
    {
        rows.Add(r);
        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        Console.WriteLine($"| {r.Writer} | {r.RowsPerTransaction:N0} | {r.RowsPerSecond:N0} | {r.Rows:N0} | {bytes / 1048576.0:N1} |");
    }

    Console.WriteLine("| loop | points per transaction | points/s | points | file + WAL MB |");
    Console.WriteLine("|:---|---:|---:|---:|---:|");
    foreach (var ids in new[] { EventIdShape.None, EventIdShape.InOrder, EventIdShape.RandomUuid })
    {
        var path = await FreshAsync($"rows-{ids}");
        Report(StoreLayoutBenchmark.RowPerPoint(path, 1000, ids, seconds), path);
    }
    foreach (var ids in new[] { EventIdShape.None, EventIdShape.InOrder, EventIdShape.RandomUuid })
    {
        var path = await FreshAsync($"blocks-{ids}");
        Report(StoreLayoutBenchmark.Blocks(path, 1000, ids, seconds), path);
    }
    var preloaded = await FreshAsync("blocks-10m");
    var window = StoreLayoutBenchmark.PreloadRandomIds(preloaded, 10_000_000, 2_000_000);
    Console.WriteLine($"(10,000,000 random ids stored: {new FileInfo(preloaded).Length / 1048576.0:N1} MB)");
    Report(StoreLayoutBenchmark.Blocks(preloaded, 1000, EventIdShape.RandomUuid, seconds, window), preloaded);
    foreach (var withIds in new[] { false, true })
    {
        var path = await FreshAsync($"pointstore-{withIds}");
        Report(StoreBenchmark.AppPointStore(path, 1000, withIds, seconds), path);
    }
}
finally
{
    folder.Delete(recursive: true);
}
