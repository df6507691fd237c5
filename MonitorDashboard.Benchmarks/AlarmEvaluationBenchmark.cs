using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Alarms;
using MonitorDashboard.Hosting;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// One alarm evaluation cycle (issue 5): 200 rules over 1,000 series, every rule matching 10 series
/// (10 models x 5 stages x 2 versions x 10 metrics; rules = 10 metrics x 10 models x p95/avg), 5-minute windows
/// holding 60 points per series. Uses the app's own services in-process on a temp database.
/// </summary>
public static class AlarmEvaluationBenchmark
{
    public static async Task<string> RunAsync(string folder, int cycles)
    {
        var databasePath = Path.Combine(folder, "alarms.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
        builder.Configuration["Storage:Path"] = databasePath;
        builder.Configuration["Demo:Enabled"] = "false";
        builder.Logging.ClearProviders();
        builder.Services.AddMonitorDashboard(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await DatabaseInitializer.InitializeAsync(app.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>(), databasePath);

        var now = DateTimeOffset.UtcNow;
        var writes = new List<PointWrite>();
        var random = new Random(5);
        for (var s = 0; s < 1000; s++)
        {
            var key = new SeriesKey() { Model = $"m{s % 10}", Version = $"v{(s / 50) % 2}", Stage = $"st{(s / 10) % 5}", Kind = "software", Name = $"metric{(s / 100) % 10}", Tags = TagJson.Empty };
            for (var p = 0; p < 60; p++)
            {
                writes.Add(new PointWrite(null, key, (now - TimeSpan.FromSeconds(5 * p)).ToUnixTimeMilliseconds(), 100 + (random.NextDouble() * 100)));
            }
        }
        await app.Services.GetRequiredService<IPointStore>().AppendAsync(writes, CancellationToken.None);

        var rules = app.Services.GetRequiredService<AlarmRuleStore>();
        foreach (var metric in Enumerable.Range(0, 10))
        {
            foreach (var model in Enumerable.Range(0, 10))
            {
                foreach (var aggregation in new[] { AlarmAggregation.P95, AlarmAggregation.Avg })
                {
                    await rules.CreateAsync(new AlarmRule(0, $"r-{metric}-{model}-{aggregation}", new SeriesSelector { Name = $"metric{metric}", Model = $"m{model}" },
                        aggregation, TimeSpan.FromMinutes(5), AlarmComparator.GreaterThan, 180, 150, TimeSpan.FromSeconds(30),
                        NoDataPolicy.KeepLast, AlarmSeverity.Warning, true, null, null, null), "bench");
                }
            }
        }

        var evaluator = app.Services.GetRequiredService<AlarmEvaluationService>();
        await evaluator.RunCycleAsync(CancellationToken.None); // warm-up: first states are written
        var durations = new List<double>();
        for (var i = 0; i < cycles; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await evaluator.RunCycleAsync(CancellationToken.None);
            durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        durations.Sort();
        var states = await app.Services.GetRequiredService<AlarmStateStore>().ListAsync();
        return $"""
            | rules | series | (rule, series) states | points read per cycle | cycles | median ms | p95 ms | max ms | default interval |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | 200 | 1,000 | {states.Count:N0} | {200 * 10 * 60:N0} | {cycles} | {durations[durations.Count / 2]:0} | {durations[(int)Math.Ceiling(durations.Count * 0.95) - 1]:0} | {durations[^1]:0} | 10,000 ms |
            """;
    }
}
