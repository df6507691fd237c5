namespace MonitorDashboard.Benchmarks;

/// <summary>Everything one default run measured; the tables and the target checks read it.</summary>
public sealed record BenchmarkReport(
    BenchmarkOptions Options,
    IReadOnlyList<HttpResult> Http,
    IReadOnlyList<PeerResult> Peers,
    IReadOnlyList<StoreResult> Ceilings,
    IReadOnlyList<StoreResult> OtherStoreRows,
    IReadOnlyList<LiveLatencyResult> Live,
    ChartPhaseResult Charts)
{
    /// <summary>The bare insert loop with the same event-id setting, the ceiling the HTTP path is held against.</summary>
    public StoreResult? CeilingFor(bool withIds) => Ceilings.FirstOrDefault(c => c.WithIds == withIds);

    public double? ShareOfCeiling(HttpResult http) => CeilingFor(http.WithIds) is { } ceiling ? http.EventsPerSecond / ceiling.RowsPerSecond : null;

    /// <summary>InfluxDB's row for the same batch size and id setting, measured in the same run.</summary>
    public PeerResult? PeerFor(HttpResult http) => Peers.FirstOrDefault(p => p.BatchSize == http.BatchSize && p.WithIds == http.WithIds && p.IdShape == http.IdShape);

    /// <summary>The app's events/s over InfluxDB's for the same scenario (above 1: the app is faster).</summary>
    public double? RatioToPeer(HttpResult http) => PeerFor(http) is { } peer ? http.EventsPerSecond / peer.EventsPerSecond : null;

    /// <summary>The largest VmHWM of any app process the run started.</summary>
    public long? PeakResidentBytes =>
        Http.Select(h => h.PeakResidentBytes).Concat(Live.Select(l => l.PeakResidentBytes)).Append(Charts.PeakResidentBytes).Max();
}
