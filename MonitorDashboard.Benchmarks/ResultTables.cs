using System.Globalization;
using System.Text;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Benchmarks;

/// <summary>The results as markdown, ready to paste into docs/benchmarks.md.</summary>
public static class ResultTables
{
    public static string All(BenchmarkReport report) => string.Join(Environment.NewLine,
        Http(report), Peer(report), Store(report), Live(report), Charts(report), MemoryAndStorage(report), TargetSummary(Targets.Check(report)));

    public static string Http(BenchmarkReport report)
    {
        var options = report.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### 1. HTTP ingestion: app process, {options.Clients} concurrent clients, {options.Seconds} s per row"));
        if (options.AppSettings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"App settings: {string.Join(", ", options.AppSettings.Select(s => $"`{s.Key}={s.Value}`"))}");
        }
        text.AppendLine();
        text.AppendLine("| events per request | event ids | events/s | share of ceiling | requests/s | latency p50 ms | latency p99 ms | events per commit | commit ms | writer busy | events queued | app CPU | client CPU | app peak RSS MB | refused (503) |");
        text.AppendLine("|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Http)
        {
            var share = report.ShareOfCeiling(r) is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "n/a";
            text.AppendLine(Invariant(
                $"| {r.BatchSize:N0} | {IdsText(r)} | {r.EventsPerSecond:N0} | {share} | {r.Requests / r.Elapsed.TotalSeconds:N0} | {r.P50Milliseconds:N1} | {r.P99Milliseconds:N1} | {r.EventsPerCommit:N0} | {r.MeanCommitMilliseconds:N1} | {r.WriterBusyShare:P0} | {r.MeanQueuedEvents:N0} | {r.AppCpuShare:P0} | {r.ClientCpuShare:P0} | {Megabytes(r.PeakResidentBytes)} | {r.Rejected:N0} |"));
        }
        text.AppendLine();
        text.AppendLine("The 202 comes after the commit (durable acknowledgement, synchronous=FULL unless an app setting says otherwise).");
        text.AppendLine("Share of ceiling = events/s over the bare block-layout loop's points/s with the same event-id setting (table 2).");
        text.AppendLine("CPU is the share of one core over the measured window (200 % = both cores of this machine).");
        text.AppendLine("From the app's /api/v1/ingest/stats sampled every 50 ms: commit ms = mean of the latest commit's duration (biased towards");
        text.AppendLine("long commits), events queued = mean of events waiting or being committed, writer busy = share of samples where that was above 0.");
        return text.ToString();
    }

    public static string Peer(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### 1b. The peer: InfluxDB 1.6 (WAL fsync on every write), same events, same closed loop, {report.Options.Clients} clients, same run"));
        text.AppendLine();
        if (report.Peers.Count == 0)
        {
            text.AppendLine("Not measured: influxd is not installed on this machine (`apt-get install influxdb`). Only the app's own figures above.");
            return text.ToString();
        }
        text.AppendLine("| events per request | event ids | app events/s | InfluxDB events/s | ratio app/InfluxDB | InfluxDB p50 ms | InfluxDB p99 ms | InfluxDB CPU | app peak RSS MB | InfluxDB peak RSS MB | app bytes/event | InfluxDB bytes/event |");
        text.AppendLine("|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var app in report.Http)
        {
            if (report.PeerFor(app) is not { } peer)
            {
                continue;
            }
            var appBytes = app.Files is { } files && app.StoredEvents > 0 ? Invariant($"{(double)files.TotalBytes / app.StoredEvents:N0}") : "n/a";
            text.AppendLine(Invariant(
                $"| {app.BatchSize:N0} | {IdsText(app)} | {app.EventsPerSecond:N0} | {peer.EventsPerSecond:N0} | **{report.RatioToPeer(app):N2}x** | {peer.P50Milliseconds:N1} | {peer.P99Milliseconds:N1} | {peer.CpuShare:P0} | {Megabytes(app.PeakResidentBytes)} | {Megabytes(peer.PeakResidentBytes)} | {appBytes} | {(double)peer.DataBytes / Math.Max(1, peer.StoredEvents):N0} |"));
        }
        text.AppendLine();
        text.AppendLine("InfluxDB gets the same events as line protocol (identity as tags, value and id as fields), timestamps offset by a nanosecond per");
        text.AppendLine("event so none overwrite each other. Bytes/event: the app's database files (with rollups) over events stored; InfluxDB's data");
        text.AppendLine("and WAL folders right after the run (before compaction) over the events it stored, warm-up included: a rough figure.");
        return text.ToString();
    }

    public static string Store(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### 2. The ceiling: one writer in this process, WAL, synchronous=FULL, {report.Options.StoreSeconds} s per row"));
        text.AppendLine();
        text.AppendLine("| writer | rows per transaction | event ids | rows/s |");
        text.AppendLine("|:---|---:|:---:|---:|");
        foreach (var r in report.Ceilings.Concat(report.OtherStoreRows))
        {
            var writer = report.Ceilings.Contains(r) ? $"{r.Writer} (the ceiling)" : r.Writer;
            text.AppendLine(Invariant($"| {writer} | {r.RowsPerTransaction:N0} | {YesNo(r.WithIds)} | {r.RowsPerSecond:N0} |"));
        }
        foreach (var http in report.Http.Where(h => h.BatchSize == 1000 && report.CeilingFor(h.WithIds) is not null))
        {
            text.AppendLine();
            text.AppendLine(Invariant(
                $"HTTP at batches of 1,000, event ids {YesNo(http.WithIds)}: {http.EventsPerSecond:N0} events/s = {report.ShareOfCeiling(http):P0} of the ceiling (target >= {Targets.ShareOfCeilingAtBatch1000:P0})."));
        }
        return text.ToString();
    }

    public static string Live(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### 3. Live latency: POST acknowledged -> point received by a SignalR client of /hubs/live, {report.Options.LiveSeconds} s per row"));
        text.AppendLine();
        text.AppendLine("| live settings | events/s offered | events/s acknowledged | received / acknowledged | latency p50 ms | p95 ms | p99 ms | max ms | POST p50 ms | POST p99 ms | refused (503) | app peak RSS MB |");
        text.AppendLine("|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Live)
        {
            text.AppendLine(Invariant(
                $"| {r.Settings} | {r.OfferedPerSecond:N0} | {r.AcknowledgedPerSecond:N0} | {r.Received:N0} / {r.Acknowledged:N0} | {r.P50Milliseconds:N0} | {r.P95Milliseconds:N0} | {r.P99Milliseconds:N0} | {r.MaxMilliseconds:N0} | {r.PostP50Milliseconds:N1} | {r.PostP99Milliseconds:N1} | {r.Refused:N0} | {Megabytes(r.PeakResidentBytes)} |"));
        }
        text.AppendLine();
        text.AppendLine(Invariant($"Open loop: every 10 ms the events due are posted in requests of at most 1/100 of the rate by {LiveLatencyBenchmark.Posters} concurrent posters, event ids on; the first second is not counted."));
        text.AppendLine("Latency per event = arrival of the Points message that carries it minus arrival of its 202, both in this process.");
        text.AppendLine(Invariant($"The live notifier tells an idle subscriber at once, then coalesces: at most one delivery per interval to an external client (Live:ClientFlushIntervalMilliseconds, default {new LiveOptions().ClientFlushIntervalMilliseconds} ms)"));
        text.AppendLine(Invariant($"and to a page (Live:PageFlushIntervalMilliseconds, default {new LiveOptions().PageFlushIntervalMilliseconds} ms: charts redraw at most twice a second). Target: p95 <= {Targets.LiveP95Milliseconds:N0} ms."));
        return text.ToString();
    }

    public static string Charts(BenchmarkReport report)
    {
        var charts = report.Charts;
        var data = charts.Dataset;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### 4. Chart queries over {data.Points:N0} points in {data.Series} series (7 days)"));
        text.AppendLine();
        text.AppendLine(Invariant($"Written straight into the app's schema at {data.PointsPerSecond:N0} points/s; the app became ready on it {charts.StartUp.TotalSeconds:N1} s after it was started."));
        text.AppendLine();
        text.AppendLine("| range (ending where the data ends) | step | queries | p50 ms | p95 ms | max ms | series per chart | buckets per chart | response KB | InfluxDB p95 ms | InfluxDB buckets | ratio app/InfluxDB p95 (target <= 0.5) |");
        text.AppendLine("|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var q in charts.Queries)
        {
            var peer = charts.Peer?.Queries.FirstOrDefault(p => p.Range == q.Range);
            var peerText = peer is null ? "n/a | n/a | n/a" : Invariant($"{peer.P95Milliseconds:N1} | {peer.MeanBuckets:N0} | **{charts.RatioToPeer(q):N2}x**");
            text.AppendLine(Invariant(
                $"| {RangeText(q.Range)} | {q.Step} | {q.Queries} | {q.P50Milliseconds:N1} | {q.P95Milliseconds:N1} | {q.MaxMilliseconds:N1} | {q.MeanSeries:N0} | {q.MeanBuckets:N0} | {q.MeanResponseKilobytes:N0} | {peerText} |"));
        }
        text.AppendLine();
        text.AppendLine(Invariant($"One chart = GET /api/v1/series/points?model={ChartDataGenerator.Model}&name=<metric>&from&to&step: one metric, its {ChartDataGenerator.Versions.Length} versions' series."));
        text.AppendLine(Invariant($"Sequential queries after {ChartQueryBenchmark.WarmUpQueries} warm-up queries, rotating through the {ChartDataGenerator.MetricNames.Length} metric names; client-side time of the full round trip, body read;"));
        text.AppendLine(Invariant($"{TargetsBenchmark.ChartQueriesPerRange} per range, or fewer (at least {ChartQueryBenchmark.MinimumQueries}) once {TargetsBenchmark.ChartQueryBudget.TotalSeconds:N0} s have passed."));
        text.AppendLine(Invariant($"Series: model {ChartDataGenerator.Model}, stage {ChartDataGenerator.Stage}, kind software, {ChartDataGenerator.Versions.Length} versions x {ChartDataGenerator.MetricNames.Length} metrics, no tags;"));
        text.AppendLine("points evenly spaced over the 7 days before generation, taken by the series in turn, values log-normal (median 50, p99 about 160);");
        text.AppendLine("Every range ends where the generated history ends, so the app and InfluxDB read the same points.");
        text.AppendLine(charts.Peer is { } influx
            ? Invariant($"InfluxDB 1.6 got the same points (version and metric as tags) in {influx.Load.TotalSeconds:N0} s and answered SELECT percentile(value,95), mean(value), count(value) ... GROUP BY time(step), version fill(none); its data and WAL: {Megabytes(influx.DataBytes)} MB, peak RSS {Megabytes(influx.PeakResidentBytes)} MB.")
            : "InfluxDB not measured: influxd is not installed (apt-get install influxdb).");
        return text.ToString();
    }

    public static string MemoryAndStorage(BenchmarkReport report)
    {
        var charts = report.Charts;
        var text = new StringBuilder();
        text.AppendLine("### 5. Server memory and database size");
        text.AppendLine();
        text.AppendLine("| phase | app processes | app peak RSS MB (max VmHWM) |");
        text.AppendLine("|:---|---:|---:|");
        text.AppendLine(Invariant($"| 1. HTTP ingestion | {report.Http.Count} | {Megabytes(report.Http.Max(h => h.PeakResidentBytes))} |"));
        text.AppendLine(Invariant($"| 3. live latency | {report.Live.Count} | {Megabytes(report.Live.Max(l => l.PeakResidentBytes))} |"));
        text.AppendLine(Invariant($"| 4. chart queries, start-up included | 1 | {Megabytes(charts.PeakResidentBytes)} |"));
        text.AppendLine(Invariant($"| whole run | {report.Http.Count + report.Live.Count + 1} | {Megabytes(report.PeakResidentBytes)} |"));
        text.AppendLine();
        text.AppendLine("| database | points | database MB | -wal MB | -shm MB | MB per million points | of which rollups | without rollups |");
        text.AppendLine("|:---|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(StorageRow($"4. chart data, {charts.Dataset.Series} series, after the app ran on it", charts.Dataset.Points, charts.Files));
        foreach (var http in report.Http.Where(h => h.Files is not null))
        {
            text.AppendLine(StorageRow(Invariant($"1. HTTP ingestion, batches of {http.BatchSize:N0}, event ids {IdsText(http)}"), http.StoredEvents, http.Files!));
        }
        text.AppendLine();
        text.AppendLine("MB = 2^20 bytes. Sizes are taken after the app process was stopped (SIGKILL) and its WAL checkpointed into the file,");
        text.AppendLine("as the app's clean shutdown does. The rollups' share is what the file shrinks by when they are deleted afterwards.");
        text.AppendLine("The HTTP databases hold the warm-up's events too, and every one of their points has an event id (kept 7 days for de-duplication).");
        return text.ToString();
    }

    public static string TargetSummary(IReadOnlyList<TargetCheck> checks)
    {
        var text = new StringBuilder();
        text.AppendLine("### Targets");
        text.AppendLine();
        text.AppendLine("| target | measured | |");
        text.AppendLine("|:---|---:|:---|");
        foreach (var check in checks)
        {
            text.AppendLine($"| {check.Target} | {check.Measured} | {check.Met switch { true => "met", false => "missed", null => "n/a" }} |");
        }
        return text.ToString();
    }

    public static string RangeText(TimeSpan range) =>
        range.TotalHours < 48 ? Invariant($"{range.TotalHours:0} h") : Invariant($"{range.TotalDays:0} d");

    private static string StorageRow(string database, long points, DatabaseFiles files) => Invariant(
        $"| {database} | {points:N0} | {files.DatabaseBytes / 1024.0 / 1024.0:N1} | {files.WalBytes / 1024.0 / 1024.0:N1} | {files.SharedMemoryBytes / 1024.0 / 1024.0:N1} | {files.MegabytesPerMillion(points):N1} | {DatabaseFiles.PerMillion(files.RollupBytes, points):N1} | {DatabaseFiles.PerMillion(files.RawBytes, points):N1} |");

    private static string Megabytes(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) : "n/a";

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>"no", "in order", or "UUIDv4 after 10,000,000".</summary>
    public static string IdsText(HttpResult http) => !http.WithIds ? "no"
        : http.IdShape == EventIdShape.RandomUuid ? Invariant($"UUIDv4 after {http.PrefilledIds:N0}")
        : "in order";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
