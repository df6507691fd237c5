using System.Globalization;
using System.Text;

namespace MonitorDashboard.Benchmarks;

/// <summary>The results as markdown, ready to paste into docs/benchmarks.md.</summary>
public static class ResultTables
{
    public static string Http(IReadOnlyList<HttpResult> results, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### HTTP ingestion: app process, {options.Clients} concurrent clients, {options.Seconds} s per row"));
        if (options.AppSettings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"App settings: {string.Join(", ", options.AppSettings.Select(s => $"`{s.Key}={s.Value}`"))}");
        }
        text.AppendLine();
        text.AppendLine("| events per request | event ids | events/s | requests/s | latency p50 ms | latency p99 ms | events per commit | commit ms | writer busy | events queued | app CPU | client CPU | app peak RSS MB | refused (503) |");
        text.AppendLine("|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Invariant(
                $"| {r.BatchSize:N0} | {(r.WithIds ? "yes" : "no")} | {r.EventsPerSecond:N0} | {r.Requests / r.Elapsed.TotalSeconds:N0} | {r.P50Milliseconds:N1} | {r.P99Milliseconds:N1} | {r.EventsPerCommit:N0} | {r.MeanCommitMilliseconds:N1} | {r.WriterBusyShare:P0} | {r.MeanQueuedEvents:N0} | {r.AppCpuShare:P0} | {r.ClientCpuShare:P0} | {(r.PeakResidentBytes is { } b ? (b / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) : "n/a")} | {r.Rejected:N0} |"));
        }
        text.AppendLine();
        text.AppendLine("CPU is the share of one core over the measured window (200 % = both cores of this machine).");
        text.AppendLine("From the app's /api/v1/ingest/stats sampled every 50 ms: commit ms = mean of the latest commit's duration (biased towards");
        text.AppendLine("long commits), events queued = mean of events waiting or being committed, writer busy = share of samples where that was above 0.");
        return text.ToString();
    }

    public static string Store(IReadOnlyList<StoreResult> results, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### Store only: one writer in this process, WAL, synchronous=FULL, {options.StoreSeconds} s per row"));
        text.AppendLine();
        text.AppendLine("| writer | rows per transaction | event ids | rows/s |");
        text.AppendLine("|:---|---:|:---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Invariant($"| {r.Writer} | {r.RowsPerTransaction:N0} | {(r.WithIds ? "yes" : "no")} | {r.RowsPerSecond:N0} |"));
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
