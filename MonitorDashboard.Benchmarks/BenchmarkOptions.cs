using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Command line: <c>--seconds 8 --clients 8 --store-seconds 5 --batches 1,100,1000 --live-seconds 10 --query-points 10000000</c>,
/// <c>--event-ids on|both</c> (both adds the HTTP and ceiling rows without ids), <c>--store-rows ceiling|all</c>
/// (all adds the app's PointStore, EF Core, parser and API-key rows), and any number of <c>--app-setting Key=Value</c>
/// passed to the app as environment variables (e.g. <c>Storage__Synchronous=NORMAL</c>); <c>--random-id-seconds 30 --prefill-ids 10000000</c>
/// add the batch-1,000 row with random UUIDv4 ids on top of a database already holding that many ids (0 skips it).
/// </summary>
public sealed record BenchmarkOptions(
    int Seconds,
    int Clients,
    int StoreSeconds,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<bool> EventIds,
    bool AllStoreRows,
    int LiveSeconds,
    int QueryPoints,
    IReadOnlyDictionary<string, string> AppSettings,
    int RandomIdSeconds = 30,
    int PrefillIds = 10_000_000)
{
    private const string Known = "--seconds, --clients, --store-seconds, --batches, --event-ids, --store-rows, --live-seconds, --query-points, --random-id-seconds, --prefill-ids, --app-setting";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Seconds: 8, Clients: 8, StoreSeconds: 5, BatchSizes: [1, 100, 1000], EventIds: [true],
            AllStoreRows: false, LiveSeconds: 10, QueryPoints: 10_000_000, AppSettings: new Dictionary<string, string>());
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = PositiveInt(value, args[i]) },
                "--clients" => options with { Clients = PositiveInt(value, args[i]) },
                "--store-seconds" => options with { StoreSeconds = PositiveInt(value, args[i]) },
                "--batches" => options with { BatchSizes = value.Split(',').Select(v => PositiveInt(v, args[i])).ToArray() },
                "--event-ids" => options with
                {
                    EventIds = value switch
                    {
                        "on" => [true],
                        "both" => [true, false],
                        _ => throw new ArgumentException($"--event-ids must be on or both, not '{value}'"),
                    },
                },
                "--store-rows" => options with
                {
                    AllStoreRows = value switch
                    {
                        "ceiling" => false,
                        "all" => true,
                        _ => throw new ArgumentException($"--store-rows must be ceiling or all, not '{value}'"),
                    },
                },
                "--live-seconds" => options with { LiveSeconds = PositiveInt(value, args[i]) },
                "--query-points" => options with { QueryPoints = PositiveInt(value, args[i]) },
                "--random-id-seconds" => options with { RandomIdSeconds = value == "0" ? 0 : PositiveInt(value, args[i]) },
                "--prefill-ids" => options with { PrefillIds = value == "0" ? 0 : PositiveInt(value, args[i]) },
                "--app-setting" when value.Split('=', 2) is [var key, var setting] && key.Length > 0 =>
                    options with { AppSettings = new Dictionary<string, string>(options.AppSettings) { [key] = setting } },
                "--app-setting" => throw new ArgumentException($"--app-setting must be Key=Value, not '{value}'"),
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: {Known}"),
            };
            i++;
        }
        return options;
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} must be a positive whole number, not '{text}'");
}
