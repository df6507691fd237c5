using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>The targets of issue 7, checked against one run. The HTTP targets use the rows with event ids (the production default).</summary>
public static class Targets
{
    public const double ShareOfCeilingAtBatch1000 = 0.60;
    public const double EventsPerSecondAtBatch1 = 10_000;
    public const double LiveP95Milliseconds = 100;
    public const double RatioToInfluxDb = 1.0;
    public const double QueryRatioToInfluxDb = 0.5;
    public const double PeakResidentMegabytes = 400;
    public const double MegabytesPerMillionPoints = 40;

    public static IReadOnlyList<TargetCheck> Check(BenchmarkReport report)
    {
        var checks = new List<TargetCheck>();

        var batch1000 = report.Http.FirstOrDefault(h => h.BatchSize == 1000 && h.WithIds && h.IdShape == EventIdShape.InOrder);
        checks.Add(batch1000 is not null && report.ShareOfCeiling(batch1000) is { } share
            ? new(Invariant($"HTTP ingest, batches of 1,000, >= {ShareOfCeilingAtBatch1000:P0} of the bare ceiling"),
                Invariant($"{share:P0} ({batch1000.EventsPerSecond:N0} / {report.CeilingFor(true)!.RowsPerSecond:N0} per s)"), share >= ShareOfCeilingAtBatch1000)
            : NotMeasured(Invariant($"HTTP ingest, batches of 1,000, >= {ShareOfCeilingAtBatch1000:P0} of the bare ceiling")));

        var batch1 = report.Http.FirstOrDefault(h => h.BatchSize == 1 && h.WithIds);
        checks.Add(batch1 is not null
            ? new(Invariant($"HTTP ingest, batches of 1, >= {EventsPerSecondAtBatch1:N0} events/s"),
                Invariant($"{batch1.EventsPerSecond:N0} events/s"), batch1.EventsPerSecond >= EventsPerSecondAtBatch1)
            : NotMeasured(Invariant($"HTTP ingest, batches of 1, >= {EventsPerSecondAtBatch1:N0} events/s")));

        foreach (var app in report.Http.Where(h => h.WithIds))
        {
            var target = Invariant($"HTTP ingest, batches of {app.BatchSize:N0}, ids {ResultTables.IdsText(app)}, >= {RatioToInfluxDb:N1}x InfluxDB 1.6 in the same run");
            checks.Add(report.RatioToPeer(app) is { } ratio
                ? new(target, Invariant($"{ratio:N2}x ({app.EventsPerSecond:N0} / {report.PeerFor(app)!.EventsPerSecond:N0} per s)"), ratio >= RatioToInfluxDb)
                : NotMeasured(target));
            var memoryTarget = Invariant($"peak RSS below InfluxDB's, batches of {app.BatchSize:N0}");
            checks.Add(report.PeerFor(app) is { PeakResidentBytes: { } peerBytes } && app.PeakResidentBytes is { } appBytes
                ? new(memoryTarget, Invariant($"{appBytes / 1048576.0:N0} MB vs {peerBytes / 1048576.0:N0} MB"), appBytes < peerBytes)
                : NotMeasured(memoryTarget));
        }

        foreach (var live in report.Live)
        {
            checks.Add(new(Invariant($"live latency p95 <= {LiveP95Milliseconds:N0} ms ({live.Settings})"),
                Invariant($"{live.P95Milliseconds:N0} ms"), live.P95Milliseconds <= LiveP95Milliseconds));
        }

        foreach (var query in report.Charts.Queries)
        {
            var target = Invariant($"chart query p95, {ResultTables.RangeText(query.Range)} range, <= {QueryRatioToInfluxDb:N1}x InfluxDB's in the same run");
            checks.Add(report.Charts.RatioToPeer(query) is { } ratio
                ? new(target, Invariant($"{ratio:N2}x ({query.P95Milliseconds:N1} ms)"), ratio <= QueryRatioToInfluxDb)
                : NotMeasured(target));
        }

        var peakMegabytes = report.PeakResidentBytes / 1024.0 / 1024.0;
        checks.Add(peakMegabytes is { } peak
            ? new(Invariant($"app peak RSS <= {PeakResidentMegabytes:N0} MB (every app process of the run)"), Invariant($"{peak:N0} MB"), peak <= PeakResidentMegabytes)
            : NotMeasured(Invariant($"app peak RSS <= {PeakResidentMegabytes:N0} MB")));

        var charts = report.Charts;
        var perMillion = charts.Files.MegabytesPerMillion(charts.Dataset.Points);
        checks.Add(new(Invariant($"database <= {MegabytesPerMillionPoints:N0} MB per million raw points ({charts.Dataset.Points:N0}-point database)"),
            Invariant($"{perMillion:N1} MB"), perMillion <= MegabytesPerMillionPoints));
        return checks;
    }

    private static TargetCheck NotMeasured(string target) => new(target, "not measured", null);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
