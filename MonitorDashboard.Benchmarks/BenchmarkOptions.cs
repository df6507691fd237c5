using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Command line: <c>--seconds 10 --clients 16 --store-seconds 5 --batches 1,100,1000</c>, and any number of
/// <c>--app-setting Key=Value</c> passed to the app as environment variables (e.g. <c>Storage__Synchronous=NORMAL</c>).
/// </summary>
public sealed record BenchmarkOptions(int Seconds, int Clients, int StoreSeconds, IReadOnlyList<int> BatchSizes, IReadOnlyDictionary<string, string> AppSettings)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Seconds: 10, Clients: 16, StoreSeconds: 5, BatchSizes: [1, 100, 1000], AppSettings: new Dictionary<string, string>());
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = PositiveInt(value, args[i]) },
                "--clients" => options with { Clients = PositiveInt(value, args[i]) },
                "--store-seconds" => options with { StoreSeconds = PositiveInt(value, args[i]) },
                "--batches" => options with { BatchSizes = value.Split(',').Select(v => PositiveInt(v, args[i])).ToArray() },
                "--app-setting" when value.Split('=', 2) is [var key, var setting] && key.Length > 0 =>
                    options with { AppSettings = new Dictionary<string, string>(options.AppSettings) { [key] = setting } },
                "--app-setting" => throw new ArgumentException($"--app-setting must be Key=Value, not '{value}'"),
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --seconds, --clients, --store-seconds, --batches, --app-setting"),
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
