using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Live pages under load (issue 4): N browser tabs (Debian Chromium, headless) on the software page while the app
/// ingests a steady event rate; reports the server's CPU and memory and how often each tab's latency chart redraws.
/// </summary>
public static class LiveTabsBenchmark
{
    private const string Password = "Bench-Pass-1";
    private static readonly string[] Metrics = ["latency_ms", "qps", "error_rate", "memory_mb", "server_load"];

    public static async Task<string> RunAsync(string appDirectory, string folder, int tabs, int eventsPerSecond, TimeSpan duration)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth__BootstrapAdminPassword"] = Password,
            ["Auth__IngestEventsPerSecond"] = "10000000",
            ["Auth__IngestEventBurst"] = "10000000",
        };
        await using var app = await AppProcess.StartAsync(appDirectory, Path.Combine(folder, "tabs.db"), AppProcess.NewApiKey(), settings);
        using var http = app.CreateClient();
        await PostAsync(http, 200, DateTimeOffset.UtcNow); // every chart exists before the tabs open

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            Console.Error.Write($"\ropening tab {i + 1}/{tabs} ...");
            var page = await (await browser.NewContextAsync()).NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, "account/login").ToString());
            await page.FillAsync("#username", "admin");
            await page.FillAsync("#password", Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForSelectorAsync("[data-testid=time-zone]");
            await page.GotoAsync(new Uri(app.BaseAddress, "software?model=bench&stage=s1&range=15m").ToString());
            await page.WaitForSelectorAsync("[data-testid=chart-latency_ms] path.apexcharts-line", new() { State = WaitForSelectorState.Attached });
            // One count per redraw (a redraw changes several paths in one frame).
            await page.EvaluateAsync("""
                () => {
                  window.__redraws = [];
                  let pending = false;
                  const chart = document.querySelector('[data-testid=chart-latency_ms]');
                  new MutationObserver(() => {
                    if (pending) return;
                    pending = true;
                    setTimeout(() => { window.__redraws.push(performance.now()); pending = false; }, 0);
                  }).observe(chart, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] });
                }
                """);
            pages.Add(page);
        }
        Console.Error.WriteLine();

        var cpuBefore = CpuSeconds(app.Id);
        var started = DateTimeOffset.UtcNow;
        var sent = 0L;
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
        {
            while (DateTimeOffset.UtcNow - started < duration && await timer.WaitForNextTickAsync())
            {
                var due = (long)((DateTimeOffset.UtcNow - started).TotalSeconds * eventsPerSecond);
                if (due > sent)
                {
                    var batch = (int)Math.Min(due - sent, 10_000);
                    await PostAsync(http, batch, DateTimeOffset.UtcNow);
                    sent += batch;
                }
                if (sent % 25_000 < eventsPerSecond / 10) Console.Error.WriteLine($"loading: {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s, {sent:N0} events");
            }
        }
        var elapsed = (DateTimeOffset.UtcNow - started).TotalSeconds;
        var cpu = (CpuSeconds(app.Id) - cpuBefore) / elapsed;
        Console.Error.WriteLine();

        var rates = new List<(double PerSecond, double MaxGapMs)>();
        foreach (var page in pages)
        {
            var redraws = await page.EvaluateAsync<double[]>("() => window.__redraws");
            var gaps = redraws.Zip(redraws.Skip(1), (a, b) => b - a).DefaultIfEmpty(double.NaN);
            rates.Add((redraws.Length / elapsed, gaps.Max()));
        }
        var (rss, peak) = Memory(app.Id);
        return $"""
            | tabs | events/s sent | server CPU (cores) | server RSS MB (peak) | latency-chart redraws/s per tab (min .. max) | longest gap between redraws |
            |---:|---:|---:|---:|---:|---:|
            | {tabs} | {sent / elapsed:N0} | {cpu:0.00} | {rss:0} ({peak:0}) | {rates.Min(r => r.PerSecond):0.00} .. {rates.Max(r => r.PerSecond):0.00} | {rates.Max(r => r.MaxGapMs):0} ms |
            """;
    }

    /// <summary>Request-level events for two versions of one stage: latency per request, and the per-second gauges.</summary>
    private static async Task PostAsync(HttpClient http, int count, DateTimeOffset now)
    {
        var random = Random.Shared;
        var events = Enumerable.Range(0, count).Select(i => new
        {
            ts = now.AddMilliseconds(-random.Next(100)).ToString("O", CultureInfo.InvariantCulture),
            model = "bench",
            stage = "s1",
            version = i % 10 == 0 ? "v2" : "v1",
            kind = "software",
            name = Metrics[i % 5 == 0 ? 1 + (i / 5 % 4) : 0],
            value = 50 + (random.NextDouble() * 100),
        });
        (await http.PostAsJsonAsync("api/v1/events", events)).EnsureSuccessStatusCode();
    }

    private static double CpuSeconds(int pid)
    {
        // /proc/<pid>/stat fields 14 and 15: user and system time in clock ticks (100 per second on Linux)
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static (double RssMb, double PeakMb) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        double Kb(string name) => double.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }
}
