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
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            ParseOne();
        }
        // Allocation and CPU per event hold still when other programs load the machine; events/s does not.
        var parsed = events - before;
        Console.WriteLine($"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)parsed:F0} bytes/event, "
            + $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / parsed:F2} µs/event (whole process)");
        return new StoreResult("EventBatchParser only (JSON + validation), no storage", eventsPerBody, withIds, events - before, Stopwatch.GetElapsedTime(started));
    }
}
