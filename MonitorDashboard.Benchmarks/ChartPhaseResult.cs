namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The chart-query phase: the generated history, how long the app took to become ready on it, the queries per range,
/// the app's peak memory (start-up included) and the database's size once the app had stopped.
/// </summary>
public sealed record ChartPhaseResult(
    ChartDataset Dataset,
    TimeSpan StartUp,
    IReadOnlyList<ChartQueryResult> Queries,
    long? PeakResidentBytes,
    DatabaseFiles Files,
    PeerChartResult? Peer)
{
    /// <summary>The app's p95 over InfluxDB's for the same range (below 1: the app answers faster).</summary>
    public double? RatioToPeer(ChartQueryResult query) =>
        Peer?.Queries.FirstOrDefault(q => q.Range == query.Range) is { } peer ? query.P95Milliseconds / peer.P95Milliseconds : null;
}
