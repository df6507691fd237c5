using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// What the endpoint does to a body before it reaches the queue (JsonDocument + <see cref="EventBatchParser"/>),
/// on one thread in this process: the CPU each event costs before any SQLite work.
/// </summary>
public static class ParseBenchmark
{
    public static StoreResult Run(int eventsPerBody, bool withIds, TimeSpan duration)
    {
        var parser = new EventBatchParser(Options.Create(new IngestOptions()), TimeProvider.System);
        var bodies = Enumerable.Range(0, 16)
            .Select(b => EventBodyWriter.Write(eventsPerBody, (long)b * eventsPerBody, withIds ? "c0" : null, DateTimeOffset.UtcNow))
            .ToArray();
        long events = 0;
        var next = 0;

        void ParseOne()
        {
            using var document = JsonDocument.Parse(bodies[next++ % bodies.Length]);
            var batch = parser.Parse(document.RootElement);
            if (!batch.IsValid)
            {
                throw new InvalidOperationException(batch.Errors[0].Reason);
            }
            events += batch.Events.Count;
        }

        ParseOne();
        var before = events;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            ParseOne();
        }
        return new StoreResult("EventBatchParser only (JSON + validation), no storage", eventsPerBody, withIds, events - before, Stopwatch.GetElapsedTime(started));
    }
}
